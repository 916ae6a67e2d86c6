import TCPCore

/// One value for each host, indexed by `HostID` without optionals: a timeline always has both hosts, so reading
/// one never needs a `!`.
public struct PerHost<Value> {
    public var a: Value
    public var b: Value

    @inlinable public init(a: Value, b: Value) {
        self.a = a
        self.b = b
    }

    @inlinable public init(repeating value: Value) {
        a = value
        b = value
    }

    /// Each host's value made by `make`, A's first.
    @inlinable public init(_ make: (HostID) throws -> Value) rethrows {
        a = try make(.a)
        b = try make(.b)
    }

    /// In place: mutating through the subscript must not copy the value (arrays and dictionaries grow large).
    @inlinable public subscript(host: HostID) -> Value {
        get { host == .a ? a : b }
        _modify {
            if host == .a { yield &a } else { yield &b }
        }
    }

    /// A's value, then B's.
    @inlinable public var values: [Value] { [a, b] }

    /// Both values keyed by host, for the readers that also take a partial set (an answer parser that knows no
    /// address, ISNs chosen by only one host so far).
    @inlinable public var dictionary: [HostID: Value] { [.a: a, .b: b] }

    /// Each host's value transformed.
    @inlinable public func map<T>(_ transform: (Value) throws -> T) rethrows -> PerHost<T> {
        PerHost<T>(a: try transform(a), b: try transform(b))
    }
}

extension PerHost: Equatable where Value: Equatable {}
extension PerHost: Hashable where Value: Hashable {}
extension PerHost: Sendable where Value: Sendable {}
