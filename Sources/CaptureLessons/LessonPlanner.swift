import CaptureKit
import TCPCore
import TCPNotation
import TimelineKit

/// Works out, on the engine, the lesson steps that make the hosts send and deliver what the capture shows.
///
/// A `Simulation` runs with the settings the header will declare, as `tcptutor run` will run the lesson. For each
/// captured segment: first the deliveries the replay shows before it (its acknowledgment covers them); then the
/// segment itself, found on its sender's wire as an answer the engine has already sent, or made by the
/// application calls the replay inferred (with a `read` before a close, since unread data would turn it into a
/// reset), by delivering what the sender was still to receive, or by letting time pass until a timer sends it (a
/// delayed ACK, a retransmission, a keep-alive probe). Then it is delivered, dropped when the capture shows it
/// sent again, or left in flight while the other side's segments cross it, as the replay found.
struct LessonPlanner {
    enum Stop: Error {
        /// Plan again with these settings: a host turned out to hold its ACKs back.
        case retry(LessonSettings)
        case failure(CaptureLessonError)
    }

    let replay: CaptureReplay
    let settings: LessonSettings
    var simulation: Simulation
    var planned: [PlannedStep] = []
    /// The capture step each flight on the wire shows, by flight id; a flight missing here is one the engine
    /// sent that the capture does not show.
    var shows: [Int: Int] = [:]
    /// Said at the end of the lesson: what is still on the wire when the capture ends.
    var closingComments: [String] = []
    /// Flights of bytes the capture shows later than segments sent after them (or never): they are sent where
    /// their sequence numbers put them and moved back on the wire with `reorder` as later segments overtake them.
    var gapFlights: Set<Int> = []
    /// Flights the engine sent in answer to a delivered segment.
    var answers: Set<Int> = []
    /// The captured segment being planned, for messages.
    var current: Int?
    /// The sequence numbers each host has sent again.
    var retransmitted: Set<Retransmitted> = []
    struct Retransmitted: Hashable {
        var host: HostID
        var seq: SequenceNumber
    }
    /// When each host last sent each sequence number, on the engine's clock and in the capture.
    var lastSent: [SequenceNumber: [HostID: (engine: UInt64, captured: CaptureTime)]] = [:]

    init(replay: CaptureReplay, settings: LessonSettings) {
        self.replay = replay
        self.settings = settings
        let configuration = settings.configuration
        simulation = Simulation(
            a: Endpoint(initialSequenceNumber: settings.isn.a, configuration: configuration.a),
            b: Endpoint(initialSequenceNumber: settings.isn.b, configuration: configuration.b))
    }

    /// Plans the whole capture; a host found to delay its ACKs makes a second plan with that setting.
    static func plan(_ replay: CaptureReplay, settings first: LessonSettings) throws(CaptureLessonError) -> (
        planner: LessonPlanner, settings: LessonSettings
    ) {
        var settings = first
        while true {
            var planner = LessonPlanner(replay: replay, settings: settings)
            do throws(Stop) {
                try planner.run()
                return (planner, settings)
            } catch {
                switch error {
                case .retry(let better) where better != settings: settings = better
                case .retry: throw CaptureLessonError("the engine cannot be set up to send this capture's ACKs")
                case .failure where settings.retransmissionTimeout != nil && !settings.keepsDefaultTimeout:
                    // The capture's timeout leads elsewhere (a timer firing during another wait): keep RFC 6298's.
                    settings.retransmissionTimeout = nil
                    settings.retransmissionNote = nil
                    settings.keepsDefaultTimeout = true
                case .failure(let failure): throw failure
                }
            }
        }
    }

    mutating func run() throws(Stop) {
        try open()
        for index in replay.steps.indices { try take(index) }
        for flight in simulation.wire {
            let written = flight.segment.notation()
            if let shown = shows[flight.id] {
                closingComments.append(
                    "packet \(replay.steps[shown].packet) (\(flight.from) > \(flight.to): \(written)) is still on "
                        + "its way when the capture ends")
            } else {
                closingComments.append(
                    "the engine also sent \(flight.from) > \(flight.to): \(written) "
                        + "(\(RuleText.summary(flight.because, .en))); the capture ends before it shows")
            }
        }
    }

    // MARK: - The opening

    /// The calls and segments before the first captured one: a listener's passive OPEN, and the handshake
    /// segments of a capture that begins after them.
    mutating func open() throws(Stop) {
        let start = replay.timeline.frames[0]
        let states = PerHost(a: start.host(.a).state, b: start.host(.b).state)
        switch (states.a, states.b) {
        case (.closed, .closed):
            break
        case (.closed, .listen):
            call(
                .listen, on: .b,
                comments: ["B was already listening when the capture began: a passive OPEN sends nothing"])
        case (.synSent, .synReceived):
            call(.listen, on: .b, comments: ["B was listening: it answers A's SYN with SYN+ACK"])
            call(.connect, on: .a, comments: ["A's SYN is not in the capture; its SYN+ACK acknowledges it"])
            try deliverUnseen(from: .a, why: "A's SYN, rebuilt from the ack of B's SYN+ACK: not in the capture")
        case (.established, .established):
            let first = replay.steps.first.map { "packet \($0.packet)" } ?? "the first packet"
            call(
                .listen, on: .b,
                comments: [
                    "the capture starts after the handshake (at \(first)): the three segments below are not in",
                    "it. They open the connection with ISNs one below the first numbers it shows (RFC 9293 §3.4);",
                    "which side connected cannot be seen: A is taken to be the client",
                ])
            call(.connect, on: .a, comments: [])
            try deliverUnseen(from: .a, why: "not in the capture")
            try deliverUnseen(from: .b, why: "not in the capture")
            try deliverUnseen(from: .a, why: "not in the capture")
            var say = PlannedStep(.say)
            say.narration = LocalizedText(
                en: "The capture starts here. The handshake before it was not captured; the lesson opens the "
                    + "connection with the numbers the capture goes on with.",
                zh: "抓包从这里开始。此前的三次握手没有被抓到；本课用抓包后续所用的序列号建立连接。")
            planned.append(say)
        default:
            throw .failure(
                CaptureLessonError(
                    "the capture starts with A in \(states.a) and B in \(states.b): a lesson starts with both hosts "
                        + "CLOSED, and no calls lead from there to these states"))
        }
    }

    /// Delivers a segment the engine sends that the capture missed before it began.
    mutating func deliverUnseen(from host: HostID, why: String) throws(Stop) {
        guard let flight = simulation.nextInFlight(from: host) else {
            throw .failure(CaptureLessonError("the engine sends nothing from \(host) to open the connection"))
        }
        let result = simulation.deliverNext(from: host)!
        var step = PlannedStep(.deliver(host, flight.segment), comments: [why])
        step.expect = statesIfChanged(result)
        planned.append(step)
    }

    // MARK: - One captured segment

    mutating func take(_ index: Int) throws(Stop) {
        current = index
        let step = replay.steps[index]
        let sender = step.from
        // What the capture shows arrived before this segment was sent: its acknowledgment covers it.
        let due = simulation.wire.filter { flight in
            shows[flight.id].map { $0 < index && replay.steps[$0].deliveredAtStep == index } ?? false
        }
        for flight in due where simulation.wire.contains(where: { $0.id == flight.id }) { try release(flight) }
        var match = findMatch(index)
        if match == nil, !step.calls.isEmpty {
            sendGap(index)
            try makeCalls(index)
            match = findMatch(index)
        }
        var rounds = 0
        while match == nil, rounds < 256 {
            rounds += 1
            if let deadline = simulation[sender].delayedAckDeadline {
                wait(until: deadline)
            } else if step.labels.contains(.retransmission), let deadline = simulation[sender].retransmissionDeadline {
                // A copy sent again comes from the sender's timer, not from anything it received: what its peer
                // has in flight stays there until the capture shows it (a spurious retransmission: the ACK was on
                // its way).
                wait(until: deadline)
            } else if let front = simulation.nextInFlight(from: sender.peer) {
                // The sender answers something it has not received yet in the lesson: deliver it now, the bytes
                // the capture shows later last.
                let second = simulation.wire.filter { $0.from == sender.peer }.dropFirst().first
                if gapFlights.contains(front.id), shows[front.id] == nil, let second, !gapFlights.contains(second.id) {
                    try release(second)
                } else {
                    try releaseFront(front, needed: true)
                }
            } else if let deadline = sendingDeadline() {
                wait(until: deadline)
            } else {
                break
            }
            match = findMatch(index)
        }
        guard let match else { return try inject(index) }
        try settleSurplus(before: match)
        shows[match.id] = index
        try noteRetransmissionTime(index, match)
        // A segment the capture never shows arrive stays on its way: the replay drops it when it is sent again.
        guard step.fate == .dropped || step.deliveredAtStep == index else { return }
        try release(match)
    }

    /// A retransmission the engine's timer sent at another moment than the capture's stack. The first one sets
    /// the retransmission timeout to the capture's interval (plan again); later ones, whose timeout doubles after
    /// each expiry (RFC 6298 §5.5) where a real stack may not, are said in a comment.
    mutating func noteRetransmissionTime(_ index: Int, _ flight: InFlight) throws(Stop) {
        let step = replay.steps[index]
        defer { lastSent[step.segment.seq, default: [:]][step.from] = (flight.sentAt, step.time) }
        guard flight.because == .retransmissionTimeout, let earlier = lastSent[step.segment.seq]?[step.from],
            let wait = planned.lastIndex(where: { if case .wait = $0.action { true } else { false } })
        else { return }
        let first = retransmitted.insert(Retransmitted(host: step.from, seq: step.segment.seq)).inserted
        let engine = flight.sentAt - earlier.engine
        let captured = LessonSettings.milliseconds(from: earlier.captured, to: step.time)
        let difference = engine > captured ? engine - captured : captured - engine
        guard difference > max(5, captured / 10) else { return }
        if first, settings.retransmissionTimeout == nil, !settings.keepsDefaultTimeout {
            var better = settings
            better.retransmissionTimeout = max(1, captured)
            better.retransmissionNote =
                "\(step.from) sent seq \(step.segment.seq) again \(captured) ms after its first copy (packet "
                + "\(step.packet)): the retransmission timeout is set to that, so the engine's timer (RFC 6298) "
                + "fires when the capture's did; real stacks also resend early on duplicate ACKs"
            throw .retry(better)
        }
        planned[wait].comments.append(
            "packet \(step.packet): the capture's \(step.from) sent seq \(step.segment.seq) again \(captured) ms after "
                + "its last copy; the engine's timer, doubled after each timeout (RFC 6298 §5.5), fires after "
                + "\(engine) ms")
    }

    /// The earliest moment a timer sends something: a retransmission, a delayed ACK, a keep-alive or window
    /// probe. TIME_WAIT's end and the user timeout send nothing, and are never waited for to make a segment.
    func sendingDeadline() -> UInt64? {
        HostID.allCases.flatMap { host in
            let endpoint = simulation[host]
            return [
                endpoint.retransmissionDeadline, endpoint.delayedAckDeadline, endpoint.keepAliveDeadline,
                endpoint.persistDeadline,
            ].compactMap { $0 }
        }.min()
    }

    /// Bytes before a segment that the capture shows later (they arrived out of order) or not at all: the sender's
    /// engine sends them first, as their sequence numbers say it did.
    mutating func sendGap(_ index: Int) {
        let step = replay.steps[index]
        let host = step.from
        guard simulation[host].state.isSynchronized, let next = simulation[host].tcb?.sndNxt,
            next.precedes(step.segment.seq), !step.segment.has(.syn)
        else { return }
        let missing = step.segment.seq.offset(from: next)
        guard missing < 1 << 30 else { return }
        let later = replay.steps[(index + 1)...].firstIndex { $0.from == host && $0.segment.seq == next }
        let shown = later.map { "the capture shows them later, at packet \(replay.steps[$0].packet)" }
        readIfNeeded(host, before: "sending")
        call(
            .send(missing), on: host,
            comments: [
                "packet \(step.packet) starts at seq \(step.segment.seq): \(host) sent the \(missing) bytes from "
                    + "seq \(next) before it; " + (shown ?? "the capture does not show them")
            ])
        if let flight = simulation.wire.last(where: { $0.from == host }) { gapFlights.insert(flight.id) }
    }

    /// A segment the sender's engine does not send, given to the receiver as it is: a copy the network made of a
    /// segment already shown, or a bare ACK that acknowledges nothing the engine has left to acknowledge (data
    /// before the capture began). Anything else cannot be reproduced.
    mutating func inject(_ index: Int) throws(Stop) {
        let step = replay.steps[index]
        let segment = step.segment
        let copy = replay.steps[..<index].lastIndex { $0.from == step.from && $0.segment == segment }
        let bareAck = segment.sequenceLength == 0 && segment.flags.subtracting(Self.ignoredFlags) == .ack
        guard copy != nil || bareAck else { throw .failure(unexplained(index)) }
        let why =
            copy.map {
                "packet \(step.packet) is a copy of packet \(replay.steps[$0].packet) made by the network (a "
                    + "duplicate): \(step.from)'s TCP sent it once, so the lesson injects the copy"
            }
            ?? "packet \(step.packet): \(step.from) acknowledges data the lesson never sent (from before the capture "
            + "began): the engine has nothing to acknowledge, so the lesson injects this ACK"
        let result = simulation.inject(segment, from: step.from)
        answers.formUnion(result.emitted.map(\.id))
        var planned = PlannedStep(.inject(step.from, segment), comments: [why], captureStep: index)
        planned.expect = statesIfChanged(result)
        self.planned.append(planned)
    }

    /// The first flight from the step's sender that the capture has not shown yet and that is the captured segment.
    func findMatch(_ index: Int) -> InFlight? {
        let step = replay.steps[index]
        return simulation.wire.first { flight in
            flight.from == step.from && shows[flight.id] == nil && Self.agrees(flight.segment, step.segment)
        }
    }

    /// Flags that say nothing about connection state: PSH is advice, URG, ECE and CWR belong to other stories.
    static let ignoredFlags: TCPFlags = [.psh, .urg, .ece, .cwr]

    /// Whether the engine's segment is the captured one: flags (but PSH, URG, ECE, CWR), seq, ack and length. A
    /// reset the engine sends without ACK matches one a stack sent with it (RFC 9293 §3.10.5 gives none).
    static func agrees(_ engine: Segment, _ captured: Segment) -> Bool {
        if engine.has(.rst) || captured.has(.rst) {
            guard engine.has(.rst), captured.has(.rst), engine.seq == captured.seq else { return false }
            return !engine.has(.ack) || engine.ack == captured.ack
        }
        return engine.flags.subtracting(ignoredFlags) == captured.flags.subtracting(ignoredFlags)
            && engine.seq == captured.seq && engine.ack == captured.ack
            && engine.payloadLength == captured.payloadLength
    }

    /// The application calls the replay inferred behind a segment, in the lesson's words.
    mutating func makeCalls(_ index: Int) throws(Stop) {
        let step = replay.steps[index]
        let host = step.from
        let packet = "packet \(step.packet)"
        for (position, call) in step.calls.enumerated() {
            switch call {
            case .send(let count):
                readIfNeeded(host, before: "sending")
                let finFollows = step.calls[(position + 1)...].contains(.shutdown)
                if finFollows {
                    self.call(
                        .sendMore(count), on: host,
                        comments: ["\(packet): \(count) bytes and the FIN in one segment (MSG_MORE, then the close)"])
                } else {
                    self.call(.send(count), on: host, comments: ["\(packet): \(count) bytes from \(host)"])
                }
            case .shutdown:
                readIfNeeded(host, before: "closing")
                if peerSendsData(after: index, to: host) {
                    self.call(
                        .shutdown, on: host,
                        comments: [
                            "\(packet): \(host)'s FIN, and data still reaches \(host) after it: shutdown(SHUT_WR), "
                                + "a half-close (RFC 9293 §3.6.1)"
                        ])
                } else {
                    self.call(
                        .close, on: host,
                        comments: ["\(packet): \(host)'s FIN; no data reaches \(host) after it, so close()"])
                }
            case .close where simulation[host].unreadBytes > 0:
                let unread = simulation[host].unreadBytes
                self.call(
                    .close, on: host,
                    comments: [
                        "\(packet): \(host) resets with \(unread) bytes unread: close() with unread data sends RST "
                            + "(RFC 9293 SHLD-3)"
                    ])
            case .close, .abort:
                self.call(
                    .abort, on: host,
                    comments: ["\(packet): \(host)'s RST with nothing unread: ABORT (SO_LINGER 0, RFC 9293 §3.10.5)"])
            case .connect:
                self.call(.connect, on: host, comments: ["\(packet): \(host)'s SYN, an active OPEN"])
            case .listen, .sendMore, .read:
                self.call(call, on: host, comments: [])
            }
        }
    }

    /// A host with unread data reads it before it speaks: a close would otherwise send RST (SHLD-3), and the
    /// replay assumes an application that answers has read what it was sent.
    mutating func readIfNeeded(_ host: HostID, before doing: String) {
        let unread = simulation[host].unreadBytes
        guard unread > 0 else { return }
        call(
            .read(nil), on: host,
            comments: ["\(host)'s application reads the \(unread) bytes it has received before \(doing)"])
    }

    /// Whether the capture shows data reaching `host` after step `index`.
    func peerSendsData(after index: Int, to host: HostID) -> Bool {
        replay.steps[(index + 1)...].contains { $0.from == host.peer && $0.segment.payloadLength > 0 }
    }

    mutating func call(_ call: UserCall, on host: HostID, comments: [String]) {
        let result = simulation.call(call, on: host)
        var step = PlannedStep(.call(host, call), comments: comments)
        step.expect = statesIfChanged(result)
        planned.append(step)
    }

    /// Lets virtual time pass until `deadline`, when a timer fires; a wait right after a wait becomes one.
    mutating func wait(until deadline: UInt64) {
        let span = deadline > simulation.now ? deadline - simulation.now : 1
        let result = simulation.advance(by: span)
        let fired = result.emitted.map { flight in
            "\(flight.from) sends \(flight.segment.notation()) after \(span) ms: "
                + RuleText.summary(flight.because, .en)
        }
        let expect = statesIfChanged(result)
        if let last = planned.indices.last, case .wait(let earlier) = planned[last].action {
            planned[last].action = .wait(milliseconds: earlier + span)
            planned[last].comments += fired
            if let expect { planned[last].expect = expect }
            return
        }
        var step = PlannedStep(.wait(milliseconds: span), comments: fired)
        step.expect = expect
        planned.append(step)
    }

    // MARK: - The wire

    /// Takes flights from `target`'s sender off the wire, oldest first, up to and including `target`.
    /// Bytes the capture shows later are overtaken: `reorder` moves them back.
    mutating func release(_ target: InFlight) throws(Stop) {
        while let front = simulation.nextInFlight(from: target.from) {
            let second = simulation.wire.filter { $0.from == front.from }.dropFirst().first
            if front.id != target.id, shows[front.id] == nil, gapFlights.contains(front.id),
                let second, !gapFlights.contains(second.id), simulation.reorderNext(from: front.from)
            {
                planned.append(PlannedStep(.reorder(front.from)))
                continue
            }
            try releaseFront(front, needed: false)
            if front.id == target.id { return }
        }
    }

    /// Delivers the oldest flight from its sender, or drops it when the capture shows it lost. Bytes the capture
    /// never shows arrive when the receiver's answer needs them (`needed`).
    mutating func releaseFront(_ front: InFlight, needed: Bool) throws(Stop) {
        if shows[front.id] == nil, gapFlights.contains(front.id), needed {
            let result = simulation.deliverNext(from: front.from)!
            var step = PlannedStep(
                .deliver(front.from, front.segment),
                comments: ["not in the capture: the bytes it missed, which the next segment shows arrived"])
            step.expect = statesIfChanged(result)
            planned.append(step)
            return
        }
        guard let shown = shows[front.id] else { return try dropSurplus(front) }
        if replay.steps[shown].fate == .dropped {
            simulation.dropNext(from: front.from)
            planned.append(PlannedStep(.drop(front.from, front.segment), captureStep: shown))
            return
        }
        let result = simulation.deliverNext(from: front.from)!
        answers.formUnion(result.emitted.map(\.id))
        var step = PlannedStep(.deliver(front.from, front.segment), captureStep: shown)
        step.answersSegment = answers.contains(front.id)
        step.expect = statesIfChanged(result)
        planned.append(step)
    }

    /// The engine sent segments before `match` that the capture does not show.
    mutating func settleSurplus(before match: InFlight) throws(Stop) {
        while let extra = simulation.wire.first(where: {
            $0.from == match.from && $0.id < match.id && shows[$0.id] == nil && !gapFlights.contains($0.id)
        }) {
            guard simulation.nextInFlight(from: match.from)?.id == extra.id else {
                throw .failure(
                    CaptureLessonError(
                        "\(whereNow)the engine sends \(extra.from) > \(extra.to): \(extra.segment.notation()) "
                            + "(\(RuleText.summary(extra.because, .en))), which the capture does not show"))
            }
            try dropSurplus(extra)
        }
    }

    /// A bare ACK the capture does not show: its host holds ACKs back (plan again with a delayed ACK), or, when it
    /// already does, the ACK is dropped with a comment that says so. Anything else cannot be left out.
    mutating func dropSurplus(_ extra: InFlight) throws(Stop) {
        let host = extra.from
        let written = "\(extra.from) > \(extra.to): \(extra.segment.notation())"
        guard extra.segment.sequenceLength == 0, !extra.segment.has(.rst) else {
            throw .failure(
                CaptureLessonError(
                    "\(whereNow)the engine sends \(written) (\(RuleText.summary(extra.because, .en))), which the "
                        + "capture does not show"))
        }
        if !settings.delayedAck.contains(host) {
            var better = settings
            better.delayedAck.insert(host)
            throw .retry(better)
        }
        dropFront(
            from: host, captureStep: nil,
            why: "not in the capture: the engine acknowledges here (\(RuleText.summary(extra.because, .en))), "
                + "\(host)'s stack did not; the lesson drops this ACK so that the next segments match")
    }

    /// "at packet 7: ", where the plan has got to.
    var whereNow: String { current.map { "at packet \(replay.steps[$0].packet): " } ?? "" }

    /// Loses the oldest flight from `host`, saying why in a comment.
    mutating func dropFront(from host: HostID, captureStep: Int?, why: String) {
        guard let lost = simulation.dropNext(from: host) else { return }
        planned.append(PlannedStep(.drop(host, lost.segment), comments: [why], captureStep: captureStep))
    }

    func statesIfChanged(_ result: SimulationStep) -> PerHost<ConnectionState>? {
        result.transitions.values.contains { !$0.isEmpty }
            ? PerHost(a: simulation[.a].state, b: simulation[.b].state) : nil
    }

    /// Why the engine cannot send the captured segment of step `index`.
    func unexplained(_ index: Int) -> CaptureLessonError {
        let step = replay.steps[index]
        let host = step.from
        let pending = simulation.wire.filter { $0.from == host && shows[$0.id] == nil }.map {
            "\($0.segment.notation()) (\(RuleText.summary($0.because, .en)))"
        }
        let engine =
            pending.isEmpty
            ? "the engine sends nothing from \(host) here (\(host) is in \(simulation[host].state))"
            : "the engine sends " + pending.joined(separator: "; ")
        return CaptureLessonError(
            "packet \(step.packet) (\(host) > \(host.peer): \(step.segment.notation())) cannot be reproduced: "
                + engine)
    }
}
