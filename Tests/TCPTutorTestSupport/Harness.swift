import TCPCore
import TCPNotation
import Testing

/// Drives a two-host simulation segment by segment, checking each one in tcpdump notation
/// (DESIGN.md convention 7: `deliver`, `expectNext`, `expectNothingInFlight`).
public struct Harness {
    public var simulation: Simulation

    public init(
        isnA: UInt32 = 3_626_544_836, isnB: UInt32 = 1_739_326_486, configuration: EndpointConfiguration = .init()
    ) {
        simulation = Simulation(
            a: Endpoint(initialSequenceNumber: SequenceNumber(isnA), configuration: configuration),
            b: Endpoint(initialSequenceNumber: SequenceNumber(isnB), configuration: configuration))
    }

    @discardableResult
    public mutating func call(_ host: HostID, _ call: UserCall) -> SimulationStep {
        simulation.call(call, on: host)
    }

    /// Delivers the oldest segment from `host` after checking it is exactly `notation`.
    @discardableResult
    public mutating func deliver(
        _ host: HostID, _ notation: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> SimulationStep? {
        guard let flight = simulation.nextInFlight(from: host) else {
            Issue.record("nothing in flight from \(host); expected \(notation)", sourceLocation: sourceLocation)
            return nil
        }
        #expect(Self.written(flight.segment, like: notation) == notation, sourceLocation: sourceLocation)
        return simulation.deliverNext(from: host)
    }

    /// The segment in tcpdump notation, with its window when `notation` shows one (flow control tests do).
    public static func written(_ segment: Segment, like notation: String) -> String {
        segment.notation(showWindow: notation.contains(" win "))
    }

    /// Checks the oldest segment from `host` without delivering it.
    public func expectNext(_ host: HostID, _ notation: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(simulation.nextInFlight(from: host)?.segment.notation() == notation, sourceLocation: sourceLocation)
    }

    @discardableResult
    public mutating func drop(_ host: HostID, _ notation: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> InFlight?
    {
        let flight = simulation.dropNext(from: host)
        #expect(flight?.segment.notation() == notation, sourceLocation: sourceLocation)
        return flight
    }

    public func expectNothingInFlight(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            simulation.wire.map { "\($0.from)>\($0.to) \($0.segment.notation())" } == [], sourceLocation: sourceLocation
        )
    }

    public func expectStates(
        _ a: ConnectionState, _ b: ConnectionState, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(simulation[.a].state == a, "A", sourceLocation: sourceLocation)
        #expect(simulation[.b].state == b, "B", sourceLocation: sourceLocation)
    }

    /// The seed's handshake, leaving both hosts ESTABLISHED with nothing in flight.
    public static func established(isnA: UInt32 = 3_626_544_836, isnB: UInt32 = 1_739_326_486) -> Harness {
        var harness = Harness(isnA: isnA, isnB: isnB)
        harness.call(.b, .listen)
        harness.call(.a, .connect)
        harness.simulation.deliverNext(from: .a)
        harness.simulation.deliverNext(from: .b)
        harness.simulation.deliverNext(from: .a)
        return harness
    }
}
