#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder `exam --out` names for the exam log: used if it is a folder, created if it is not there yet.
/// Only the last part is created, so a mistyped path is reported rather than built; every failure is said in
/// words (the file system's own error names a code, not the problem).
enum ExamOutFolder {
    /// Makes sure `path` is a folder the log can go into; the error's text says what is wrong with it.
    static func prepare(_ path: String) throws(CommandFailure) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) else {
                throw CommandFailure("--out \(path): is a file, not a folder (name the folder for the exam log)")
            }
            guard access(path, W_OK | X_OK) == 0 else {
                throw CommandFailure("--out \(path): cannot write in this folder (permission denied)")
            }
            return
        }
        guard mkdir(path, 0o755) != 0 else { return }
        let reason = errno
        let parent = parentFolder(of: path)
        switch reason {
        case ENOENT:
            throw CommandFailure("cannot create folder \(path): there is no folder \(parent)")
        case ENOTDIR:
            throw CommandFailure("cannot create folder \(path): a part of \(parent) is a file, not a folder")
        case EACCES, EPERM:
            throw CommandFailure("cannot create folder \(path): permission denied in \(parent)")
        case EROFS:
            throw CommandFailure("cannot create folder \(path): \(parent) is on a read-only file system")
        default:
            throw CommandFailure("cannot create folder \(path): \(String(cString: strerror(reason)))")
        }
    }

    /// Makes sure a file can be written at `path` (a grades or summary CSV): it is not a folder, and the folder
    /// it goes into exists.
    static func checkFileTarget(_ path: String) throws(CommandFailure) {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) {
            throw CommandFailure("cannot write \(path): it is a folder; name a file")
        }
        let parent = parentFolder(of: path)
        guard stat(parent, &status) == 0, status.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) else {
            throw CommandFailure("cannot write \(path): there is no folder \(parent)")
        }
    }

    /// The folder that would hold `path`, as the user would name it.
    static func parentFolder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }
}
