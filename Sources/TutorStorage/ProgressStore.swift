import TutorSession

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes the progress book under `$XDG_STATE_HOME/tcptutor/` (default `~/.local/state/tcptutor/`).
///
/// Writes are atomic (temporary file, fsync, rename, fsync of the folder), so a kill at any moment leaves
/// either the old book or the new one. A book that cannot be read is moved aside, never overwritten.
public struct ProgressStore: Sendable {
    /// The progress file.
    public let fileURL: URL

    public init(fileURL: URL) {
        self.fileURL = fileURL
    }

    /// The store at the standard place for this environment.
    public init(environment: [String: String]) {
        self.init(fileURL: Self.directory(environment: environment).appendingPathComponent("progress.json"))
    }

    /// `$XDG_STATE_HOME/tcptutor`, or `$HOME/.local/state/tcptutor` when it is unset, empty or relative
    /// (the XDG spec says relative paths are to be ignored).
    public static func directory(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("tcptutor")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/tcptutor")
    }

    /// What loading found.
    public enum LoadResult: Hashable, Sendable {
        case loaded(ProgressBook)
        /// No progress yet.
        case empty
        /// The file could not be read as a progress book; it was renamed to `keptAt` and a fresh book begins.
        case unreadable(keptAt: String, reason: String)
    }

    /// Loads the book; an unreadable file is moved aside so that it is not lost.
    public func load() throws(ProgressError) -> LoadResult {
        let data: Data
        do {
            data = try Data(contentsOf: fileURL)
        } catch {
            if !FileManager.default.fileExists(atPath: fileURL.path) { return .empty }
            throw ProgressError(message: "cannot read \(fileURL.path): \(error)")
        }
        switch ProgressBookFormat.decode(data) {
        case .success(let book): return .loaded(book)
        case .failure(let unreadable): return try keepAside(reason: unreadable.reason)
        }
    }

    private func keepAside(reason: String) throws(ProgressError) -> LoadResult {
        var aside = fileURL.path + ".corrupt-\(Int(time(nil)))"
        var attempt = 1
        while FileManager.default.fileExists(atPath: aside) {
            attempt += 1
            aside = fileURL.path + ".corrupt-\(Int(time(nil)))-\(attempt)"
        }
        guard rename(fileURL.path, aside) == 0 else {
            throw ProgressError(
                message: "\(fileURL.path) is unreadable (\(reason)) and could not be moved aside: \(errnoText())")
        }
        return .unreadable(keptAt: aside, reason: reason)
    }

    /// Saves the book atomically.
    public func save(_ book: ProgressBook) throws(ProgressError) {
        let directory = fileURL.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ProgressError(message: "cannot create \(directory): \(error)")
        }
        let data = try ProgressBookFormat.encode(book)
        do {
            try AtomicFile.write(data, to: fileURL.path, what: "progress")
        } catch {
            throw ProgressError(message: error.message)
        }
    }

    /// Removes the saved progress; returns whether there was any.
    @discardableResult
    public func reset() throws(ProgressError) -> Bool {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return false }
        guard unlink(fileURL.path) == 0 else {
            throw ProgressError(message: "cannot remove \(fileURL.path): \(errnoText())")
        }
        return true
    }
}

/// A progress file problem, worded for the student.
public struct ProgressError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

private func errnoText() -> String {
    String(cString: strerror(errno))
}
