import TCPCore
import TCPNotation
import TimelineKit

/// The sender's side of a step: is the captured segment what the sender's engine would send, and why?
extension ConnectionInference {
    /// Flags that say nothing about connection state: PSH is advice, URG, ECE and CWR belong to other stories.
    static let ignoredFlags: TCPFlags = [.psh, .urg, .ece, .cwr]

    /// Whether the engine's segment and the captured one agree on flags, seq, ack and length. A reset is
    /// judged by its seq alone when the engine's has no ACK: many stacks add one where the RFC does not.
    static func agrees(_ engine: Segment, _ captured: Segment) -> Bool {
        if engine.has(.rst) || captured.has(.rst) {
            guard engine.has(.rst), captured.has(.rst), engine.seq == captured.seq else { return false }
            return engine.ack == nil || engine.ack == captured.ack
        }
        return engine.flags.subtracting(ignoredFlags) == captured.flags.subtracting(ignoredFlags)
            && engine.seq == captured.seq && engine.payloadLength == captured.payloadLength
            && engine.ack == captured.ack
    }

    /// A bare ACK: no data, no SYN, FIN or RST.
    static func isBareAck(_ segment: Segment) -> Bool {
        segment.has(.ack) && segment.sequenceLength == 0 && !segment.has(.rst)
    }

    mutating func classify(_ index: Int, now: UInt64) {
        let segment = packets[index].segment
        if matchPrediction(index) { return }
        if classifyKeepAlive(index) { return }
        if classifyRepeat(index, now: now) { return }
        if segment.sequenceLength == 0, !segment.has(.rst) {
            classifyEmpty(index)
        } else {
            classifyNew(index, now: now)
        }
        dropCoveredAcks(of: senders[index], by: segment)
    }

    /// A reply the sender's engine has already produced.
    mutating func matchPrediction(_ index: Int) -> Bool {
        let sender = senders[index]
        let segment = packets[index].segment
        guard let position = predictions[sender].firstIndex(where: { Self.agrees($0.segment, segment) }) else {
            return false
        }
        let predicted = predictions[sender].remove(at: position)
        steps[index].rule = predicted.because
        noteResetAck(index, engine: predicted.segment)
        dropCoveredAcks(of: sender, by: segment)
        return true
    }

    /// ACKs the engine predicted that this segment's acknowledgment covers were sent late, together, or
    /// riding on data: the capture will not show them alone.
    mutating func dropCoveredAcks(of host: HostID, by segment: Segment) {
        guard let ack = segment.ack else { return }
        predictions[host].removeAll { predicted in
            Self.isBareAck(predicted.segment) && predicted.segment.ack.map { $0.precedesOrEquals(ack) } ?? false
        }
    }

    /// Keep-alive: one sequence number behind SND.NXT with nothing outstanding; the same shape probes a zero
    /// window (RFC 9293 §3.8.4, §3.8.6.1).
    mutating func classifyKeepAlive(_ index: Int) -> Bool {
        let sender = senders[index]
        let segment = packets[index].segment
        let endpoint = endpoints[sender]
        guard let tcb = endpoint.tcb, endpoint.state.isSynchronized, segment.has(.ack),
            !segment.has(.syn), !segment.has(.fin), !segment.has(.rst), segment.payloadLength <= 1,
            segment.seq == tcb.sndNxt &- 1, tcb.sndUna == tcb.sndNxt
        else { return false }
        if lastWindow[sender.peer] == 0 {
            mark(
                index, .windowProbe,
                en: "window probe: \(sender.peer) advertised a zero window, so \(sender) asks whether it has "
                    + "opened (RFC 9293 §3.8.6.1)",
                zh: "窗口探测：\(sender.peer)通告了零窗口，\(sender)探测窗口是否已打开（RFC 9293 §3.8.6.1）")
        } else {
            mark(
                index, .keepAlive,
                en: "keep-alive: seq = SND.NXT − 1 is old, so \(sender.peer) must answer with an ACK "
                    + "(RFC 9293 §3.8.4)",
                zh: "保活探测：序列号 = SND.NXT − 1 是旧序列号，\(sender.peer)必须回复ACK（RFC 9293 §3.8.4）")
        }
        return true
    }

    /// Sequence numbers the sender's engine has already sent: a retransmission, an exact duplicate, or a
    /// segment the capture shows late (out of order).
    mutating func classifyRepeat(_ index: Int, now: UInt64) -> Bool {
        let sender = senders[index]
        let segment = packets[index].segment
        guard segment.sequenceLength > 0, !segment.has(.rst), let tcb = endpoints[sender].tcb,
            endpoints[sender].state != .listen, segment.seq.precedes(tcb.sndNxt)
        else { return false }
        // Only numbers the capture has shown (or skipped in a gap) can come again.
        let shown = highestSeen[sender].map { segment.seq.precedes($0) } ?? false
        guard shown || !unseen[sender].isEmpty else { return false }
        if segment.has(.syn), segment.seq != tcb.iss { return false }
        let range = (start: segment.seq, end: segment.dataEnd)
        if let gap = unseen[sender].firstIndex(where: { !range.start.precedes($0.start) && !$0.end.precedes(range.end) }
        ) {
            let hole = unseen[sender].remove(at: gap)
            if hole.start.precedes(range.start) { unseen[sender].append((hole.start, range.start)) }
            if range.end.precedes(hole.end) { unseen[sender].append((range.end, hole.end)) }
            steps[index].rule = segment.has(.fin) ? .closeSendsFin : .sendData
            mark(
                index, .outOfOrder,
                en: "out of order: sent before segments the capture showed earlier; it fills their gap",
                zh: "乱序：它比抓包中先出现的报文段发得更早，填补了之前的缺口")
        } else if let earlier = seen[sender][segment], steps[earlier].fate == .delivered,
            !atCapturePoint.contains(sender)
        {
            // The first copy arrived, and the capture was not taken at the sender: the network made this copy (at
            // the sender, every copy is one it sent again).
            steps[index].rule = steps[earlier].rule
            mark(
                index, .duplicate, en: "duplicate: an exact copy of step \(earlier + 1)",
                zh: "重复：与第\(earlier + 1)步完全相同的副本")
        } else {
            steps[index].rule = .retransmissionTimeout
            // The first copy that occupied these numbers: an empty ACK may share its seq.
            let first = steps.indices.first {
                steps[$0].from == sender && steps[$0].segment.seq == segment.seq && steps[$0].segment.sequenceLength > 0
            }
            let when = first.map { " (first sent at step \($0 + 1))" } ?? ""
            let whenZh = first.map { "（第\($0 + 1)步首次发送）" } ?? ""
            if let acks = acknowledgmentsOfEachCopy(index) {
                let steps = acks.map { String($0 + 1) }
                mark(
                    index, .retransmission,
                    en: "spurious retransmission: seq \(segment.seq) was sent again\(when) before its ACK came, "
                        + "but the first copy had arrived: \(sender.peer) acknowledges the data once for each copy "
                        + "(steps \(steps.joined(separator: ", ")); RFC 5682)",
                    zh: "伪重传：序列号\(segment.seq)在确认到达之前再次发送\(whenZh)，但第一份已经到达："
                        + "\(sender.peer)对每一份都发送了确认（第\(steps.joined(separator: "、"))步；RFC 5682）")
            } else {
                mark(
                    index, .retransmission,
                    en: "retransmission: seq \(segment.seq) was sent before\(when) and not acknowledged in time",
                    zh: "重传：序列号\(segment.seq)之前已发送\(whenZh)，未及时得到确认")
            }
            fireRetransmissionTimer(index)
        }
        // Anything past SND.NXT in it is new: the engine sends it too.
        if tcb.sndNxt.precedes(segment.dataEnd) {
            reaction.clear()
            endpoints[sender].call(.send(segment.dataEnd.offset(from: tcb.sndNxt)), at: now, into: &reaction)
            gather(from: sender, rememberPredictions: false)
        }
        return true
    }

    /// A bare ACK that no prediction matched: a late, merged or repeated acknowledgment, or something the
    /// engine cannot explain.
    mutating func classifyEmpty(_ index: Int) {
        let sender = senders[index]
        let segment = packets[index].segment
        let endpoint = endpoints[sender]
        guard let tcb = endpoint.tcb, endpoint.state != .listen, endpoint.state != .synSent, let ack = segment.ack
        else {
            return notPredicted(index, expected: predictions[sender].first, reason: stateReason(sender))
        }
        if segment.seq == tcb.sndNxt, ack.precedesOrEquals(tcb.rcvNxt) {
            steps[index].rule = lastAckRule[sender] ?? .dataAcknowledged
            if let earlier = seen[sender][segment] {
                mark(
                    index, .duplicate,
                    en: "duplicate ACK: the same as step \(earlier + 1); it says \(ack) is still expected",
                    zh: "重复ACK：与第\(earlier + 1)步相同，表示仍在等待序列号\(ack)")
            }
            return
        }
        let expected = Segment(flags: .ack, seq: tcb.sndNxt, ack: tcb.rcvNxt)
        if segment.seq == tcb.sndNxt, tcb.rcvNxt.precedes(ack) {
            mark(
                index, .gap,
                en: "gap: it acknowledges up to \(ack), past anything the capture showed from \(sender.peer)",
                zh: "缺口：它确认到\(ack)，超出了抓包中\(sender.peer)发送的内容")
        }
        notPredicted(
            index, expected: predictions[sender].first ?? (expected, .dataAcknowledged),
            reason: nil)
    }

    /// New sequence space or control: find the application call that explains it and compare what the
    /// engine sends for that call.
    mutating func classifyNew(_ index: Int, now: UInt64) {
        let sender = senders[index]
        let segment = packets[index].segment
        var calls: [UserCall] = []
        if segment.has(.rst) {
            // Closing with unread data resets (SHLD-3); otherwise it is an ABORT.
            calls = [endpoints[sender].unreadBytes > 0 ? .close : .abort]
        } else if segment.has(.syn), !segment.has(.ack) {
            calls = [.connect]
        } else if !segment.has(.syn) {
            if let tcb = endpoints[sender].tcb, endpoints[sender].state.isSynchronized, tcb.sndNxt.precedes(segment.seq)
            {
                fillGap(index, upTo: segment.seq, now: now)
            }
            if segment.payloadLength > 0 { calls.append(.send(segment.payloadLength)) }
            if segment.has(.fin) { calls.append(.shutdown) }
            // Reads leave no trace on the wire; an application that speaks has read what it was sent.
            reaction.clear()
            if endpoints[sender].state != .closed { endpoints[sender].call(.read(nil), at: now, into: &reaction) }
        }
        guard !calls.isEmpty else {
            return notPredicted(index, expected: predictions[sender].first, reason: stateReason(sender))
        }
        let pending = predictions[sender].first { !Self.isBareAck($0.segment) }
        reaction.clear()
        for call in calls { endpoints[sender].call(call, at: now, into: &reaction) }
        let sent = reaction.sent
        gather(from: sender, rememberPredictions: false)
        steps[index].calls = calls
        if let engine = Self.merge(sent.map(\.segment)), Self.agrees(engine, segment) {
            steps[index].rule = sent.last!.because
            noteResetAck(index, engine: engine)
            return
        }
        if let pending {
            return notPredicted(index, expected: pending, reason: nil)
        }
        if let engine = Self.merge(sent.map(\.segment)) {
            return notPredicted(index, expected: (engine, sent.last!.because), reason: nil)
        }
        let errors = stepErrors[sender] ?? []
        let reason = errors.isEmpty ? stateReason(sender) : errorReason(sender, errors)
        notPredicted(index, expected: nil, reason: reason)
    }

    /// The engine sends the bytes the capture missed so its numbers stay in step; they reach the receiver
    /// when an acknowledgment shows they arrived.
    mutating func fillGap(_ index: Int, upTo seq: SequenceNumber, now: UInt64) {
        let sender = senders[index]
        guard let start = endpoints[sender].tcb?.sndNxt else { return }
        let missing = seq.offset(from: start)
        guard missing < 1 << 30 else { return }
        reaction.clear()
        endpoints[sender].call(.send(missing), at: now, into: &reaction)
        unseen[sender].append((start, seq))
        mark(
            index, .gap,
            en: "gap: \(missing) bytes from \(sender) before this (seq \(start):\(seq)) are not in the capture "
                + "here", zh: "缺口：此前\(sender)发送的\(missing)字节（序列号\(start):\(seq)）不在抓包的这个位置")
    }

    /// One segment for what a call sent: data followed by its FIN count as one `F.` segment, as stacks send them.
    static func merge(_ segments: [Segment]) -> Segment? {
        guard var merged = segments.first else { return nil }
        for next in segments.dropFirst() {
            guard next.has(.fin), next.seq == merged.nextSeq, !merged.has(.fin) else { return segments.last }
            merged.flags.insert(.fin)
        }
        return merged
    }

    /// A reset with ACK set where the RFC's has none: worth saying once, as an implementation choice.
    mutating func noteResetAck(_ index: Int, engine: Segment) {
        let captured = packets[index].segment
        guard captured.has(.rst), captured.has(.ack), !engine.has(.ack) else { return }
        steps[index].notes.append(
            LocalizedText(
                en: "the RFC's reset here is <SEQ=SND.NXT><CTL=RST> without ACK; this stack also sets ACK "
                    + "(an implementation choice)",
                zh: "RFC规定此处的复位报文段为<SEQ=SND.NXT><CTL=RST>，不带ACK；此协议栈还设置了ACK（实现上的选择）"))
    }

    /// Labels step `index` and says why, in both languages.
    mutating func mark(_ index: Int, _ label: SegmentLabel, en: String, zh: String) {
        steps[index].labels.append(label)
        steps[index].notes.append(LocalizedText(en: en, zh: zh))
    }

    mutating func notPredicted(_ index: Int, expected: (segment: Segment, because: Rule)?, reason: LocalizedText?) {
        let sender = senders[index]
        steps[index].labels.append(.notPredicted)
        steps[index].expected = expected?.segment
        let why: LocalizedText
        if let expected {
            let notation = expected.segment.notation()
            why = LocalizedText(
                en: "not predicted: the engine expected \(sender) to send \(notation) — "
                    + RuleText.explanation(expected.because, .en),
                zh: "与状态机预测不符：状态机预期\(sender)发送\(notation)——" + RuleText.explanation(expected.because, .zh))
        } else {
            let reason = reason ?? stateReason(sender)
            why = LocalizedText(
                en: "not predicted: the engine expected nothing from \(sender) here — \(reason.en)",
                zh: "与状态机预测不符：状态机预期\(sender)此时不发送任何报文段——\(reason.zh)")
        }
        steps[index].notes.append(why)
    }

    func stateReason(_ host: HostID) -> LocalizedText {
        let state = endpoints[host].state
        return LocalizedText(en: "\(host) is in \(state)", zh: "\(host)处于\(state)状态")
    }

    func errorReason(_ host: HostID, _ errors: [EndpointError]) -> LocalizedText {
        let state = endpoints[host].state
        let list = errors.map(\.rawValue).joined(separator: ", ")
        return LocalizedText(en: "\(host) is in \(state): \(list)", zh: "\(host)处于\(state)状态：\(list)")
    }
}
