/// A connection's two ends in a fixed order, so that a segment and its answer, going the other way, name the
/// same connection.
struct ConnectionEnds: Hashable {
    var low: SocketAddress
    var high: SocketAddress

    @inline(__always)
    init(_ one: SocketAddress, _ other: SocketAddress) {
        (low, high) = one < other ? (one, other) : (other, one)
    }

    /// Whether `one` and `other` are these ends, in either order.
    @inline(__always)
    func joins(_ one: SocketAddress, _ other: SocketAddress) -> Bool {
        (one == low && other == high) || (one == high && other == low)
    }
}
