import TCPCore
import TimelineKit

/// Infers both hosts' states by running the engine alongside one connection of a capture.
///
/// Each host gets an `Endpoint`. A captured segment is first checked against what its sender's endpoint would
/// send: a reply it has already produced (a prediction), a retransmission, or an application call that explains
/// it (connect, send, shutdown, close, abort). Then it is delivered to the receiver's endpoint, whose answers
/// become the next predictions. A segment is delivered at once unless the capture shows the receiver had not
/// got it yet (the receiver's next segment does not acknowledge it: the two crossed, or it was lost); then it
/// waits until an acknowledgment covers it, or is dropped when its sender sends it again. A segment the
/// receiver never answers is delivered only when the receiver sits at the capture point; otherwise the capture
/// shows it leave, not arrive, and it stays on its way (a copy sent again is a retransmission).
struct ConnectionInference {
    /// A captured segment on its way to the other host.
    struct Flight {
        var step: Int
        var segment: Segment
    }

    let packets: [CapturedSegment]
    let senders: [HostID]
    let summary: ConnectionSummary
    let captureStart: CaptureTime
    /// For each step, the next step sent by the other host.
    let nextFromPeer: [Int?]
    /// The hosts beside the capture point, whose arrivals the capture shows (`hostsAtCapturePoint`).
    let atCapturePoint: Set<HostID>
    /// The engine's clock time at which each step that its retransmission timer explains was sent.
    var timerSentAt: [Int: UInt64] = [:]

    var endpoints: PerHost<Endpoint>
    var wire = PerHost<[Flight]>(repeating: [])
    /// Segments the engine has produced on each host that the capture has not shown yet.
    var predictions = PerHost<[(segment: Segment, because: Rule)]>(repeating: [])
    /// Every segment seen from each host, for spotting exact duplicates.
    var seen = PerHost<[Segment: Int]>(repeating: [:])
    /// Sequence ranges the engine sent for a host that the capture has not shown (a gap).
    var unseen = PerHost<[(start: SequenceNumber, end: SequenceNumber)]>(repeating: [])
    /// The end of the highest sequence number each host was seen to use.
    var highestSeen = PerHost<SequenceNumber?>(repeating: nil)
    /// The window each host last advertised on the wire.
    var lastWindow = PerHost<UInt32?>(repeating: nil)
    /// SEG.SEQ + SEG.LEN of each host's first FIN on the wire.
    var finEnd = PerHost<SequenceNumber?>(repeating: nil)
    /// The rule behind each host's last ACK-worthy event, for ACKs that come late or twice.
    var lastAckRule = PerHost<Rule?>(repeating: nil)
    var reaction = Reaction()
    /// What the first step must say about the part of the connection the capture missed.
    var firstStepNote: LocalizedText?

    var steps: [CaptureStep] = []
    var frames: [Frame] = []
    /// What the current step did, gathered for its frame.
    var stepTransitions: [HostID: [Transition]] = [:]
    var stepErrors: [HostID: [EndpointError]] = [:]
    var stepEmitted: [WireEvent] = []

    /// Receive windows are not what this teaches: a large one keeps window scaling from making real
    /// segments look unacceptable.
    static let configuration = EndpointConfiguration(receiveWindow: 1 << 30)

    init(packets: [CapturedSegment], senders: [HostID], summary: ConnectionSummary, captureStart: CaptureTime) {
        self.packets = packets
        self.senders = senders
        self.summary = summary
        self.captureStart = captureStart
        var next: [Int?] = Array(repeating: nil, count: packets.count)
        var nextOf = PerHost<Int?>(repeating: nil)
        for index in packets.indices.reversed() {
            next[index] = nextOf[senders[index].peer]
            nextOf[senders[index]] = index
        }
        nextFromPeer = next
        atCapturePoint = Self.hostsAtCapturePoint(packets, senders: senders, nextFromPeer: next)
        endpoints = PerHost(
            a: Endpoint(initialSequenceNumber: SequenceNumber(0), configuration: Self.configuration),
            b: Endpoint(initialSequenceNumber: SequenceNumber(0), configuration: Self.configuration))
    }

    /// Runs the whole connection and returns its replay.
    static func replay(
        packets: [CapturedSegment], senders: [HostID], summary: ConnectionSummary, captureStart: CaptureTime
    ) -> CaptureReplay {
        var inference = ConnectionInference(
            packets: packets, senders: senders, summary: summary, captureStart: captureStart)
        inference.run()
        return inference.result()
    }

    mutating func run() {
        let startNote = setUp()
        recordFrame(event: .start, narration: startNote)
        for index in packets.indices {
            process(index)
        }
    }

    /// Milliseconds since the capture's first packet: the engine's clock.
    func milliseconds(_ time: CaptureTime) -> UInt64 {
        UInt64(max(0, time.nanoseconds &- captureStart.nanoseconds) / 1_000_000)
    }

    // MARK: - One step

    mutating func process(_ index: Int) {
        let packet = packets[index]
        let sender = senders[index]
        let segment = packet.segment
        let now = milliseconds(packet.time)
        stepTransitions = [:]
        stepErrors = [:]
        stepEmitted = []
        steps.append(CaptureStep(packet: packet.number, time: packet.time, from: sender, segment: segment))
        if index == 0, let note = firstStepNote {
            steps[index].labels.append(.gap)
            steps[index].notes.append(note)
        }
        // The sender has received whatever its acknowledgment covers.
        if let ack = segment.ack { deliverCovered(from: sender.peer, by: ack, at: index, now: now) }
        let stateBefore = endpoints[sender].state
        classify(index, now: now)
        if !segment.has(.rst) { lastWindow[sender] = segment.window }
        if segment.has(.fin), finEnd[sender] == nil { finEnd[sender] = segment.nextSeq }
        if seen[sender][segment] == nil { seen[sender][segment] = index }
        if segment.sequenceLength > 0, highestSeen[sender].map({ $0.precedes(segment.nextSeq) }) ?? true {
            highestSeen[sender] = segment.nextSeq
        }
        putOnWire(index, now: now)
        label(index, senderStateBefore: stateBefore)
        recordFrame(event: .segment(wireEvent(index)), narration: nil)
    }

    /// Appends the step's segment to its sender's wire and delivers it now if the capture shows it arrived.
    mutating func putOnWire(_ index: Int, now: UInt64) {
        let sender = senders[index]
        let segment = packets[index].segment
        if segment.sequenceLength > 0, steps[index].has(.retransmission), acknowledgmentsOfEachCopy(index) == nil {
            // Sent again before any sign it arrived: the earlier copy was lost (unless each copy is acknowledged:
            // then the retransmission was spurious and the earlier copy arrives first).
            let lost = wire[sender].filter { $0.segment.seq == segment.seq && $0.segment.sequenceLength > 0 }
            for flight in lost where steps[flight.step].fate == .inFlight {
                steps[flight.step].fate = .dropped
            }
            wire[sender].removeAll { flight in lost.contains { $0.step == flight.step } }
        }
        wire[sender].append(Flight(step: index, segment: segment))
        let deliverNow: Bool
        if segment.sequenceLength == 0 {
            deliverNow = wire[sender].count == 1
        } else if let next = nextFromPeer[index] {
            let answer = packets[next].segment
            // Sent again before the answer: the answer may be to the copy, and this one lost.
            let repeated = packets[(index + 1)..<min(next, index + 64)].indices.contains { later in
                senders[later] == sender && packets[later].segment.seq == segment.seq
                    && packets[later].segment.sequenceLength > 0
            }
            // A reset with seq = this segment's ACK answers an unacceptable one (RFC 9293 §3.10.7.3).
            let reset = answer.has(.rst) && !answer.has(.ack) && segment.ack == answer.seq
            deliverNow = !repeated && (reset || answer.ack.map { !$0.precedes(segment.nextSeq) } ?? false)
        } else {
            // Nothing more from the receiver: the capture shows it arrive only on the receiver's side.
            deliverNow = atCapturePoint.contains(sender.peer)
        }
        if deliverNow { deliver(from: sender, through: wire[sender].count - 1, at: index, now: now) }
    }

    /// Delivers, in order, the segments from `host` up to the last one `ack` covers, and the empty segments
    /// right behind it.
    mutating func deliverCovered(from host: HostID, by ack: SequenceNumber, at index: Int, now: UInt64) {
        deliverUnseen(from: host, by: ack, now: now)
        let flights = wire[host]
        guard !flights.isEmpty else { return }
        var last = flights.lastIndex { $0.segment.sequenceLength > 0 && !ack.precedes($0.segment.nextSeq) } ?? -1
        while last + 1 < flights.count, flights[last + 1].segment.sequenceLength == 0 { last += 1 }
        if last >= 0 { deliver(from: host, through: last, at: index, now: now) }
    }

    mutating func deliver(from host: HostID, through last: Int, at index: Int, now: UInt64) {
        let flights = wire[host][...last]
        wire[host].removeFirst(last + 1)
        let receiver = host.peer
        for flight in flights {
            reaction.clear()
            endpoints[receiver].receive(flight.segment, at: now, into: &reaction)
            steps[flight.step].fate = .delivered
            steps[flight.step].deliveredAtStep = index
            steps[flight.step].handledBecause = reaction.verdict
            gather(from: receiver, rememberPredictions: true)
        }
    }

    /// Bytes the capture never showed that an acknowledgment proves arrived: the receiver's engine gets them
    /// too, so its numbers stay in step with the capture.
    mutating func deliverUnseen(from host: HostID, by ack: SequenceNumber, now: UInt64) {
        let arrived = unseen[host].filter { $0.end.precedesOrEquals(ack) }.sorted { $0.start.precedes($1.start) }
        guard !arrived.isEmpty else { return }
        unseen[host].removeAll { $0.end.precedesOrEquals(ack) }
        let receiver = host.peer
        for range in arrived {
            let acknowledgment = endpoints[receiver].tcb?.sndUna ?? SequenceNumber(0)
            let missing = Segment(
                flags: [.psh], seq: range.start, ack: acknowledgment, payloadLength: range.end.offset(from: range.start)
            )
            reaction.clear()
            endpoints[receiver].receive(missing, at: now, into: &reaction)
            gather(from: receiver, rememberPredictions: true)
        }
    }

    /// Adds the last reaction's transitions and errors to the step; what it sent becomes predictions.
    mutating func gather(from host: HostID, rememberPredictions: Bool) {
        if !reaction.transitions.isEmpty { stepTransitions[host, default: []].append(contentsOf: reaction.transitions) }
        if !reaction.errors.isEmpty { stepErrors[host, default: []].append(contentsOf: reaction.errors) }
        guard rememberPredictions else { return }
        for (segment, rule) in reaction.sent {
            predictions[host].append((segment, rule))
            if segment.has(.ack), segment.sequenceLength == 0 { lastAckRule[host] = rule }
            stepEmitted.append(
                WireEvent(
                    from: host, to: host.peer, segment: segment, fate: .inFlight, sentBecause: rule,
                    handledBecause: nil))
        }
    }

    // MARK: - Frames

    func snapshot(_ host: HostID) -> HostSnapshot {
        let endpoint = endpoints[host]
        return HostSnapshot(state: endpoint.state, tcb: endpoint.tcb, unreadBytes: endpoint.unreadBytes)
    }

    func wireEvent(_ index: Int) -> WireEvent {
        let step = steps[index]
        return WireEvent(
            from: step.from, to: step.to, segment: step.segment, fate: step.fate,
            sentBecause: step.rule ?? .sendData, handledBecause: step.handledBecause)
    }

    mutating func recordFrame(event: FrameEvent, narration: LocalizedText?) {
        let time = steps.last.map { milliseconds($0.time) } ?? packets.first.map { milliseconds($0.time) } ?? 0
        let inFlight = HostID.allCases.flatMap { host in
            wire[host].map { flight in
                WireEvent(
                    from: host, to: host.peer, segment: flight.segment, fate: .inFlight,
                    sentBecause: steps[flight.step].rule ?? .sendData, handledBecause: nil)
            }
        }
        var frame = Frame(
            index: frames.count, origin: .capturePacket(steps.last?.packet ?? 0), time: time, event: event,
            hosts: PerHost(snapshot), transitions: stepTransitions, emitted: stepEmitted,
            inFlight: inFlight, narration: narration, quiz: nil)
        frame.errors = stepErrors
        frames.append(frame)
    }

    /// The timeline, with each segment's final fate written back into the frame that shows it.
    func result() -> CaptureReplay {
        var frames = self.frames
        for index in steps.indices {
            frames[index + 1].event = .segment(wireEvent(index))
            // Narrated once every fate is known: how the receiver handled it may come steps later.
            frames[index + 1].narration = StepExplanation.narration(steps[index], frame: frames[index + 1])
        }
        let hosts = PerHost(
            a: HostAddress(address: summary.hostA.address.description, port: summary.hostA.port),
            b: HostAddress(address: summary.hostB.address.description, port: summary.hostB.port))
        let title = LocalizedText(
            en: "Captured connection \(summary.stream): \(summary.hostA) → \(summary.hostB)",
            zh: "抓包中的连接 \(summary.stream)：\(summary.hostA) → \(summary.hostB)")
        let timeline = Timeline(
            lessonID: "capture-stream-\(summary.stream)", title: title, hosts: hosts,
            isn: endpoints.map(\.initialSequenceNumber),
            numbering: .absolute, frames: frames)
        return CaptureReplay(
            connection: summary, timeline: timeline, steps: steps, captureStart: captureStart, knownISN: knownISN())
    }

    /// Each host's ISN as the capture shows it: only a SYN sets one (RFC 9293 §3.4). A's SYN missing from the
    /// capture is known from the SYN+ACK that acknowledges it; a host that sent no SYN (one that refused the
    /// connection with a RST, or both, when the capture starts mid-connection) has none.
    func knownISN() -> [HostID: SequenceNumber] {
        var known: [HostID: SequenceNumber] = [:]
        for step in steps where step.segment.has(.syn) && known[step.from] == nil {
            known[step.from] = step.segment.seq
        }
        if known[.a] == nil, let first = steps.first, first.from == .b, first.segment.has(.syn),
            first.segment.has(.ack),
            let ack = first.segment.ack
        {
            known[.a] = ack &- 1
        }
        return known
    }
}
