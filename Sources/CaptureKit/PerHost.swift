import TCPCore

/// One value for each host, indexed by `HostID` without optionals.
struct PerHost<Value> {
    var a: Value
    var b: Value

    init(a: Value, b: Value) {
        self.a = a
        self.b = b
    }

    init(repeating value: Value) {
        a = value
        b = value
    }

    /// In place: mutating through the subscript must not copy the value (arrays and dictionaries grow large).
    subscript(host: HostID) -> Value {
        get { host == .a ? a : b }
        _modify {
            if host == .a { yield &a } else { yield &b }
        }
    }
}
