import ClassLink

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `TCPTUTOR_CLASS_LINK=/path/to/socket`: the link as a Unix stream socket to connect to, instead of a descriptor
/// already open. The class server passes a descriptor; a path is for a tutor started where no descriptor can be
/// handed down (a terminal multiplexer's pane, as the terminal tests start it), with the server's side listening.
enum ClassLinkSocketPath {
    /// A connected socket to `path`, or why not.
    static func connect(_ path: String) throws(ClassLinkError) -> Int32 {
        #if os(Linux)
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else {
            throw .system(call: ClassLinkStart.variable, reason: "socket: \(String(cString: strerror(errno)))")
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(descriptor)
            throw .system(
                call: ClassLinkStart.variable,
                reason:
                    "the socket path '\(path)' is longer than \(MemoryLayout.size(ofValue: address.sun_path) - 1) bytes"
            )
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                connectSocket(descriptor, generic, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .system(call: ClassLinkStart.variable, reason: "cannot connect to \(path): \(reason)")
        }
        return descriptor
    }

    private static func connectSocket(
        _ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t
    ) -> Int32 {
        #if canImport(Glibc)
            Glibc.connect(descriptor, address, length)
        #else
            Darwin.connect(descriptor, address, length)
        #endif
    }
}
