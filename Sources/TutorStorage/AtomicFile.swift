#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a whole file so that a kill at any moment leaves the old file or the new one, never a part: a temporary
/// file beside it, fsync, rename over the old one, fsync of the folder (the rename is durable only then).
public enum AtomicFile {
    /// Writes `bytes` to `path`; `what` names the file in a failure ("progress", "the lesson").
    public static func write(_ bytes: [UInt8], to path: String, what: String) throws(AtomicFileError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw AtomicFileError(message: "cannot save \(what) to \(path): \(errnoText())")
        }
        let written = bytes.withUnsafeBytes { buffer in writeAll(descriptor, buffer) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written, synced, rename(temporary, path) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw AtomicFileError(message: "cannot save \(what) to \(path): \(reason)")
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let folder = open(directory, O_RDONLY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Writes the whole buffer, again after an interrupted call.
private func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < buffer.count {
        let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += count
    }
    return true
}

/// Why a file could not be written, in words for the user.
public struct AtomicFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
