import LessonKit
import TCPCore
import TimelineKit

/// How the engine's seq or ack follows from earlier segments, as arithmetic in the question's numbering:
/// `3626544836 + 1 (SYN) = 3626544837`. Feedback shows it whole; the level-2 hint leaves out the result.
struct NumberDerivation: Hashable, Sendable {
    /// What the start value is, in words (`A's previous segment S 3626544836:3626544836(0)`).
    var source: LocalizedText
    var start: UInt32
    /// Added terms, each with what it counts.
    var terms: [Term]
    var result: UInt32
    /// The clock an ISN was read from: its arithmetic replaces the sum (`1 + 4560 × 64000 = 291840001`).
    var clock: ClockReading?

    /// One added number and what it counts (`1`, `SYN`).
    struct Term: Hashable, Sendable {
        var value: UInt32
        var label: LocalizedText
    }

    /// `3626544836 + 1 (SYN) = 3626544837`, or with `showResult` false `3626544836 + 1 (SYN) = ?`.
    func arithmetic(_ language: Language, showResult: Bool = true) -> String {
        if let clock { return clock.arithmetic(showResult: showResult) }
        var text = String(start)
        for term in terms {
            let label = term.label.text(language)
            text += language == .zh ? " + \(term.value)（\(label)）" : " + \(term.value) (\(label))"
        }
        if terms.isEmpty { return showResult ? text : "?" }
        // Chinese text needs no space between a full-width bracket and the equals sign.
        let equals = text.hasSuffix("）") ? "= " : " = "
        guard showResult else { return text + equals + "?" }
        let wraps = UInt64(start) + terms.reduce(0) { $0 + UInt64($1.value) } > UInt64(UInt32.max)
        let modulo = language == .zh ? "（模 2^32）" : " (modulo 2^32)"
        return text + equals + String(result) + (wraps ? modulo : "")
    }

    /// The derivation in a sentence: `seq = SEG.SEQ + SEG.LEN of A's previous segment …: 3626544836 + 1 (SYN) = …`.
    func sentence(_ field: NumberField, showResult: Bool = true) -> LocalizedText {
        let name = field.rawValue
        let zhName = field == .seq ? "序列号" : "确认号"
        return LocalizedText(
            en: "\(name) = \(source.en): \(arithmetic(.en, showResult: showResult))",
            zh: "\(zhName) = \(source.zh)：\(arithmetic(.zh, showResult: showResult))")
    }

    /// What a segment adds to its seq: data bytes, then one for SYN and one for FIN (SEG.LEN, RFC 9293 §3.4).
    static func lengthTerms(of segment: Segment) -> [Term] {
        var terms: [Term] = []
        if segment.has(.syn) { terms.append(Term(value: 1, label: LocalizedText(en: "SYN", zh: "SYN"))) }
        if segment.payloadLength > 0 {
            let count = segment.payloadLength
            terms.append(Term(value: count, label: LocalizedText(en: "\(count) data bytes", zh: "\(count) 字节数据")))
        }
        if segment.has(.fin) { terms.append(Term(value: 1, label: LocalizedText(en: "FIN", zh: "FIN"))) }
        return terms
    }
}

extension QuizQuestion {
    /// How the engine's seq follows from what came before.
    var seqDerivation: NumberDerivation {
        let typedSeq = expectedTypedSeq
        let me = sender.description
        if segment.has(.rst), let reason = ResetForm(rule: expected.sentBecause) {
            switch reason {
            case .zeroSeq:
                return NumberDerivation(
                    source: LocalizedText(
                        en: "0: a reset answering a segment without ACK has no ack to borrow",
                        zh: "0：应答不带 ACK 报文段的复位报文段没有确认号可借用"),
                    start: typedSeq, terms: [], result: typedSeq)
            case .seqFromAck:
                return NumberDerivation(
                    source: LocalizedText(
                        en: "SEG.ACK of the segment being reset", zh: "被复位报文段的确认号 SEG.ACK"),
                    start: typedSeq, terms: [], result: typedSeq)
            case .sendNext:
                break
            }
        }
        guard let previous = previousFromSender else {
            if let clock = clocks[sender] {
                return NumberDerivation(
                    source: LocalizedText(
                        en: "the ISN of \(me)'s \(clock.name.en)", zh: "主机\(me)的\(clock.name.zh)给出的初始序列号"),
                    start: typedSeq, terms: [], result: typedSeq, clock: clock)
            }
            return NumberDerivation(
                source: LocalizedText(
                    en: "ISS, the initial sequence number \(me) picked", zh: "ISS，即主机\(me)选定的初始序列号"),
                start: typedSeq, terms: [], result: typedSeq)
        }
        let shownPrevious = shown(previous, from: sender)
        if previous.nextSeq == segment.seq, previous.sequenceLength > 0 {
            return NumberDerivation(
                source: LocalizedText(
                    en: "SEG.SEQ + SEG.LEN of \(me)'s previous segment, \(shownPrevious)",
                    zh: "主机\(me)上一个报文段 \(shownPrevious) 的 SEG.SEQ + SEG.LEN"),
                start: numbering.typed(previous.seq, .seq, sender: sender),
                terms: NumberDerivation.lengthTerms(of: previous),
                result: typedSeq)
        }
        if previous.seq == segment.seq {
            let why =
                previous.sequenceLength == 0
                ? LocalizedText(
                    en: "the same seq as \(me)'s previous segment, \(shownPrevious), which occupied no sequence number",
                    zh: "与主机\(me)上一个报文段 \(shownPrevious) 相同，因为那个报文段不占用序列号")
                : LocalizedText(
                    en: "the same seq as \(me)'s earlier segment, \(shownPrevious), sent again",
                    zh: "与主机\(me)先前的报文段 \(shownPrevious) 相同，该报文段被再次发送")
            return NumberDerivation(source: why, start: typedSeq, terms: [], result: typedSeq)
        }
        return NumberDerivation(
            source: LocalizedText(
                en: "SND.NXT, the next sequence number \(me) sends", zh: "SND.NXT，即主机\(me)要发送的下一个序列号"),
            start: typedSeq, terms: [], result: typedSeq)
    }

    /// How the engine's ack follows from what the sender received; nil when the segment carries no ACK.
    var ackDerivation: NumberDerivation? {
        guard let ack = segment.ack else { return nil }
        let typedAck = numbering.typed(ack, .ack, sender: sender)
        let peer = receiver.description
        if let acknowledged = acknowledgedSegment, acknowledged.nextSeq == ack {
            let shownSegment = shown(acknowledged, from: receiver)
            return NumberDerivation(
                source: LocalizedText(
                    en: "SEG.SEQ + SEG.LEN of \(peer)'s segment \(shownSegment)",
                    zh: "主机\(peer)的报文段 \(shownSegment) 的 SEG.SEQ + SEG.LEN"),
                start: numbering.typed(acknowledged.seq, .ack, sender: sender),
                terms: NumberDerivation.lengthTerms(of: acknowledged), result: typedAck)
        }
        return NumberDerivation(
            source: LocalizedText(
                en: "RCV.NXT, the next sequence number \(sender) expects from \(peer)",
                zh: "RCV.NXT，即主机\(sender)期望从主机\(peer)收到的下一个序列号"),
            start: typedAck, terms: [], result: typedAck)
    }
}

/// Where a reset's sequence number comes from (RFC 9293 §3.10.7.1, §3.10.5).
enum ResetForm {
    /// `<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>`: answering a segment without ACK.
    case zeroSeq
    /// `<SEQ=SEG.ACK><CTL=RST>`: answering a segment with ACK.
    case seqFromAck
    /// `<SEQ=SND.NXT><CTL=RST>`: ABORT, or a close that discards unread data.
    case sendNext

    init?(rule: Rule) {
        switch rule {
        case .closedResetsNonAckSegment: self = .zeroSeq
        case .closedResetsAckSegment, .listenResetsAck, .synSentResetsBadAck, .synReceivedBadAckResets:
            self = .seqFromAck
        case .abortSendsReset, .closeWithUnreadDataResets, .dataAfterCloseResets, .keepAliveTimeout: self = .sendNext
        case .passiveOpen, .activeOpen, .sendData, .closeSendsFin, .finRidesOnData, .closeInListen, .closeInSynSent,
            .abortWithoutReset, .closedDiscardsReset, .listenIgnoresReset,
            .listenAnswersSyn, .listenDropsOther, .synSentIgnoresUnacceptableAck, .synSentAcceptsReset,
            .synSentDropsResetWithoutAck, .synSentCompletesHandshake, .handshakeAckCarriesData,
            .synSentSimultaneousOpen, .synSentDropsOther,
            .unacceptableSegmentAcked, .unacceptableResetIgnored, .resetInSynReceivedFromPassiveOpen, .resetCloses,
            .resetChallengeAck, .synChallengeAck, .noAckDropped, .synReceivedAckEstablishes,
            .ackAdvancesSendUna, .duplicateAckIgnored, .ackOfUnsentDataAcked, .finWait1FinAcked, .closingFinAcked,
            .lastAckFinAcked, .timeWaitFinRetransmission, .dataAcknowledged, .finReceived, .finReceivedInFinWait1,
            .finAndAckReceivedInFinWait1,
            .finReceivedInFinWait2, .finAcknowledged, .outOfOrderQueued, .acceptableAckOnly, .retransmissionTimeout,
            .timeWaitExpired, .userTimeout, .delayedAckSent, .fromOutside, .simultaneousOpenSynAckEstablishes,
            .duplicateAckCounted, .fastRetransmit, .keepAliveProbe, .zeroWindowProbe, .windowUpdate, .synQueued,
            .synBacklogFullDropsSyn, .halfOpenCompleted, .synCookieSent, .synCookieAccepted:
            return nil
        }
    }
}
