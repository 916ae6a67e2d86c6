/// The animation of the current segment crossing the wire, measured in ticks.
public struct Crossing: Hashable, Sendable {
    /// Ticks a crossing lasts; the front end ticks about every 30 ms.
    public static let duration = 10

    public var tick: Int = 0

    /// How far the segment has travelled, from 0 (just sent) to 1 (arrived).
    public var fraction: Double { Double(tick) / Double(Self.duration) }

    public var isFinished: Bool { tick >= Self.duration }
}
