/// A segment on the wire between the two hosts.
public struct InFlight: Hashable, Sendable {
    /// Unique within one simulation, in the order segments were put on the wire.
    public var id: Int
    public var from: HostID
    public var to: HostID
    public var segment: Segment
    /// The rule that made the sender emit it.
    public var because: Rule
    /// Put on the wire from outside, not by the sender's endpoint (an old duplicate, a stray segment).
    public var injected: Bool
    /// Virtual time at which the sender put it on the wire: a retransmission leaves when its timer fires,
    /// inside a `wait`, not when the wait ends.
    public var sentAt: UInt64 = 0
}

/// What one simulation step did.
public struct SimulationStep: Hashable, Sendable {
    public var transitions: [HostID: [Transition]] = [:]
    /// Segments put on the wire during the step.
    public var emitted: [InFlight] = []
    /// The segment this step delivered, if any, and how its receiver handled it.
    public var delivered: InFlight?
    public var verdict: Rule?
    public var errors: [HostID: [EndpointError]] = [:]
    /// Virtual time at which timers fired during the step.
    public var firedAt: [UInt64] = []
    /// Data bytes that became readable on each host during the step.
    public var bytesReceived: [HostID: UInt32] = [:]

    public init() {}
}

/// Two endpoints, the wire between them and a virtual clock. Deterministic: the same calls give the same steps.
public struct Simulation: Sendable {
    public private(set) var endpoints: [HostID: Endpoint]
    /// Segments in flight, oldest first.
    public private(set) var wire: [InFlight] = []
    /// Virtual milliseconds since the start.
    public private(set) var now: UInt64 = 0
    private var nextID = 0
    private var reaction = Reaction()

    public init(a: Endpoint, b: Endpoint) {
        endpoints = [.a: a, .b: b]
    }

    public subscript(host: HostID) -> Endpoint { endpoints[host]! }

    /// The oldest segment in flight from `host`, if any.
    public func nextInFlight(from host: HostID) -> InFlight? { wire.first { $0.from == host } }

    /// An application call on `host`.
    @discardableResult
    public mutating func call(_ call: UserCall, on host: HostID) -> SimulationStep {
        reaction.clear()
        endpoints[host]!.call(call, at: now, into: &reaction)
        var step = SimulationStep()
        collect(from: host, into: &step)
        return step
    }

    /// Delivers the oldest segment in flight from `host` to its peer; nil when none is in flight.
    @discardableResult
    public mutating func deliverNext(from host: HostID) -> SimulationStep? {
        guard let index = wire.firstIndex(where: { $0.from == host }) else { return nil }
        return deliver(wire.remove(at: index))
    }

    /// A segment the receiver gets although the sender's endpoint never sent it.
    @discardableResult
    public mutating func inject(_ segment: Segment, from host: HostID) -> SimulationStep {
        let flight = InFlight(
            id: takeID(), from: host, to: host.peer, segment: segment, because: .fromOutside, injected: true,
            sentAt: now)
        return deliver(flight)
    }

    /// Loses the oldest segment in flight from `host`.
    @discardableResult
    public mutating func dropNext(from host: HostID) -> InFlight? {
        guard let index = wire.firstIndex(where: { $0.from == host }) else { return nil }
        return wire.remove(at: index)
    }

    /// Copies the oldest segment in flight from `host`; the copy goes to the back of the wire.
    @discardableResult
    public mutating func duplicateNext(from host: HostID) -> InFlight? {
        guard var copy = nextInFlight(from: host) else { return nil }
        copy.id = takeID()
        wire.append(copy)
        return copy
    }

    /// Swaps the two oldest segments in flight from `host`; false when fewer than two are in flight.
    @discardableResult
    public mutating func reorderNext(from host: HostID) -> Bool {
        let indices = wire.indices.filter { wire[$0].from == host }
        guard indices.count >= 2 else { return false }
        wire.swapAt(indices[0], indices[1])
        return true
    }

    /// Lets `milliseconds` of virtual time pass, firing each host's timers in time order.
    @discardableResult
    public mutating func advance(by milliseconds: UInt64) -> SimulationStep {
        let end = now + milliseconds
        var step = SimulationStep()
        while true {
            guard let (host, deadline) = earliestTimer(until: end) else { break }
            now = deadline
            reaction.clear()
            endpoints[host]!.advance(to: deadline, into: &reaction)
            step.firedAt.append(deadline)
            collect(from: host, into: &step)
        }
        now = end
        return step
    }

    /// The host whose timer fires first at or before `end`; A before B on a tie, so runs are repeatable.
    private func earliestTimer(until end: UInt64) -> (HostID, UInt64)? {
        var earliest: (HostID, UInt64)?
        for host in HostID.allCases {
            guard let deadline = endpoints[host]!.nextDeadline, deadline <= end else { continue }
            if earliest == nil || deadline < earliest!.1 { earliest = (host, deadline) }
        }
        return earliest
    }

    private mutating func deliver(_ flight: InFlight) -> SimulationStep {
        reaction.clear()
        endpoints[flight.to]!.receive(flight.segment, at: now, into: &reaction)
        var step = SimulationStep()
        step.delivered = flight
        step.verdict = reaction.verdict
        collect(from: flight.to, into: &step)
        return step
    }

    private mutating func collect(from host: HostID, into step: inout SimulationStep) {
        if !reaction.transitions.isEmpty {
            step.transitions[host, default: []].append(contentsOf: reaction.transitions)
        }
        if !reaction.errors.isEmpty { step.errors[host, default: []].append(contentsOf: reaction.errors) }
        if reaction.bytesReceived > 0 { step.bytesReceived[host, default: 0] += reaction.bytesReceived }
        for (segment, rule) in reaction.sent {
            let flight = InFlight(
                id: takeID(), from: host, to: host.peer, segment: segment, because: rule, injected: false,
                sentAt: now)
            wire.append(flight)
            step.emitted.append(flight)
        }
    }

    private mutating func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }
}
