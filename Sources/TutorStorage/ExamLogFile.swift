import LessonKit
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

/// An exam log on disk, opened for appending. Every record goes out in one `write` of the whole line followed
/// by `fsync`, so a record is either all there or, if the program is killed mid-write, a torn last line that
/// reading detects and ignores; earlier records are never touched.
public final class ExamLogFile {
    public let url: URL
    private let descriptor: Int32
    /// The records on disk; the next one is numbered and chained after them.
    public private(set) var contents: ExamLogCodec.Contents

    /// The records on disk, in order.
    public var records: [ExamLogRecord] { contents.records }

    private init(url: URL, descriptor: Int32, contents: ExamLogCodec.Contents) {
        self.url = url
        self.descriptor = descriptor
        self.contents = contents
    }

    deinit { close(descriptor) }

    /// Creates a new log; fails if one exists (an exam is never started twice over its own log).
    public static func create(at url: URL) throws(ExamError) -> ExamLogFile {
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ExamError.log("cannot create \(url.path): \(errorText())") }
        try lock(descriptor, url)
        syncDirectory(of: url)
        return ExamLogFile(url: url, descriptor: descriptor, contents: .empty)
    }

    /// Opens an existing log to go on appending. The log must verify; a torn last line (the program was
    /// killed mid-write) is cut off first, so the next record starts on a line of its own.
    public static func openForAppending(at url: URL) throws(ExamError) -> ExamLogFile {
        let contents = try read(url)
        if let problem = contents.problem {
            throw ExamError.log("\(url.path) is damaged at \(problem); it cannot be resumed (ask the instructor)")
        }
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExamError.log("cannot open \(url.path): \(errorText())") }
        try lock(descriptor, url)
        if contents.tornTail {
            guard ftruncate(descriptor, off_t(contents.goodLength)) == 0, fsync(descriptor) == 0 else {
                let text = errorText()
                close(descriptor)
                throw ExamError.log("cannot cut the torn last line of \(url.path): \(text)")
            }
        }
        return ExamLogFile(url: url, descriptor: descriptor, contents: contents)
    }

    /// Reads and verifies a log file without changing it.
    public static func read(_ url: URL) throws(ExamError) -> ExamLogCodec.Contents {
        ExamLogCodec.read(try ExamLogFolder.bytes(of: url).get())
    }

    /// The log file of a student in an exam directory (the id folded: `ALICE` writes `alice.examlog`).
    public static func url(directory: URL, studentID: String) -> URL {
        directory.appendingPathComponent("\(StudentID.canonical(studentID)).examlog")
    }

    /// Opens a student's exam at `now`: resumes it from their log if the log holds its start (the resume is
    /// noted in the log at once), otherwise creates the log (and locks it), so that a folder that cannot take it
    /// is found before the student begins. Returns the sitting and the log its entries are to be appended to.
    public static func openSitting(
        directory: URL, key: ExamKey, studentID: String, parameters: ExamParameters,
        lessons: some ExamLessonSource, now: Int64
    ) throws(ExamError) -> (sitting: ExamSitting, log: ExamLogFile) {
        let url = Self.url(directory: directory, studentID: StudentID.canonical(studentID))
        // The exam is derived before the log is touched: a mistyped lesson creates no file.
        _ = try ExamSitting(
            key: key, studentID: studentID, parameters: parameters, lessons: lessons, records: [], logName: url.path)
        let existing = FileManager.default.fileExists(atPath: url.path)
        let log = existing ? try openForAppending(at: url) : try create(at: url)
        let sitting = try ExamSitting(
            key: key, studentID: studentID, parameters: parameters, lessons: lessons, records: log.records,
            logName: url.path)
        if let resume = sitting.resumeEntry(at: now) { try log.append(resume) }
        return (sitting, log)
    }

    /// Removes the log if it holds nothing (the student left at the start screen), so that no empty log is
    /// collected; a log that holds anything is never touched.
    public func discardIfEmpty() {
        guard records.isEmpty else { return }
        _ = unlink(url.path)
    }

    /// Appends the entries in order, each once it is on disk; stops at the first that cannot be written.
    /// Returns the entries not written (empty when all were) and why.
    public func append(_ entries: [ExamLogEntry]) -> (unwritten: [ExamLogEntry], reason: String?) {
        for (index, entry) in entries.enumerated() {
            do {
                try append(entry)
            } catch {
                return (Array(entries[index...]), "\(error)")
            }
        }
        return ([], nil)
    }

    /// Appends one entry, chained to the last record, and returns once it is on disk.
    @discardableResult
    public func append(_ entry: ExamLogEntry) throws(ExamError) -> ExamLogRecord {
        let record = contents.record(for: entry)
        let (line, hash) = try ExamLogCodec.line(for: record)
        try writeAll(line)
        guard fsync(descriptor) == 0 else { throw ExamError.log("cannot sync \(url.path): \(errorText())") }
        contents.records.append(record)
        contents.lastHash = hash
        contents.goodLength += line.count
        return record
    }

    /// Appends a record, chained to the last one, and returns once it is on disk.
    @discardableResult
    public func append(
        _ kind: ExamLogRecord.Kind, student: String, time: Int64, start: ExamLogRecord.Start? = nil,
        answer: ExamLogRecord.Answer? = nil
    ) throws(ExamError) -> ExamLogRecord {
        try append(ExamLogEntry(kind: kind, student: student, time: time, start: start, answer: answer))
    }

    /// One `write` of the whole line; the loop only continues a write the kernel cut short.
    private func writeAll(_ bytes: [UInt8]) throws(ExamError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress, buffer.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ExamError.log("cannot write \(url.path): \(errorText())")
            }
            offset += written
        }
    }

    /// One writer at a time: a second program appending to the same log would break its chain.
    ///
    /// A lock can outlive its holder by a moment: a tcptutor that was just killed is still exiting, and a
    /// process forked at the instant the log was closed shares the open file until it executes. So a held lock
    /// is tried again for up to a second before the log is called busy.
    private static func lock(_ descriptor: Int32, _ url: URL) throws(ExamError) {
        for _ in 0..<lockAttempts {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
            usleep(lockRetryMicroseconds)
        }
        close(descriptor)
        throw ExamError.log("\(url.path) is open in another tcptutor; close that one first")
    }

    private static let lockAttempts = 20
    private static let lockRetryMicroseconds: useconds_t = 50_000

    /// Makes a new file's directory entry durable too.
    private static func syncDirectory(of url: URL) {
        let directory = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard directory >= 0 else { return }
        _ = fsync(directory)
        close(directory)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
    private func errorText() -> String { Self.errorText() }
}
