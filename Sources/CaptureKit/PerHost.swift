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

    subscript(host: HostID) -> Value {
        get { host == .a ? a : b }
        set {
            if host == .a { a = newValue } else { b = newValue }
        }
    }
}
