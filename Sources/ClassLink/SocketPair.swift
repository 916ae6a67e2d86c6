#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The class link's two ends: a connected pair of Unix stream sockets, both close-on-exec, as the class server
/// makes one for each tutor it starts (the tutor's end is then handed on as its descriptor 3 on purpose).
public enum SocketPair {
    /// The tutor's end and the server's end.
    public static func make() throws(ClassLinkError) -> (tutor: Int32, server: Int32) {
        var ends: [Int32] = [-1, -1]
        #if canImport(Glibc)
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
            let type = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else { throw .system("socketpair") }
        return (ends[0], ends[1])
    }
}
