import Foundation

/// The paths the server settles at start: its data folder (absolute, so that nothing depends on where it was
/// started from) and the tutor beside its own program, which every student's session runs.
public enum ServerPaths {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// `path` made absolute; created with mode 0700 when `create` and missing.
    public static func folder(_ path: String, create: Bool) throws(Problem) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var status = stat()
        if stat(absolute, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw Problem(description: "\(path) is not a folder") }
        } else if create {
            do {
                try FileManager.default.createDirectory(
                    atPath: absolute, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw Problem(description: "cannot create the folder \(path): \(error.localizedDescription)")
            }
        } else {
            throw Problem(description: "\(path) does not exist")
        }
        return absolute
    }

    /// This very program (`/proc/self/exe`: the path the system started, whatever `argv[0]` says).
    public static func ownExecutable() throws(Problem) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { throw Problem(description: "cannot find this program's own path (/proc/self/exe)") }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `tcptutor`, which every student's session runs: in this program's own folder, as installed and built.
    public static func tutorBesideThisProgram() throws(Problem) -> String {
        let own = try ownExecutable()
        let tutor = String(own[..<(own.lastIndex(of: "/") ?? own.startIndex)]) + "/tcptutor"
        guard access(tutor, X_OK) == 0 else {
            throw Problem(
                description: "\(tutor) is missing: the class server runs the tutor installed beside it (swift build)")
        }
        return tutor
    }

    /// What of the server's environment the tutors inherit: the language and how a crash reports.
    public static func inheritedEnvironment() -> [String: String] {
        ProcessInfo.processInfo.environment.filter { ["SWIFT_BACKTRACE", "LANG"].contains($0.key) }
    }
}
