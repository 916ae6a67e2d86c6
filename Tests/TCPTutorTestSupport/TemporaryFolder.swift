import Foundation

/// A new empty folder under the system's temporary folder, for one test's files.
public enum TemporaryFolder {
    /// Makes `<tmp>/<prefix>-<UUID>` and returns it; the caller removes it when done.
    public static func make(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
