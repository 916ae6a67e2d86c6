import Crypto
import LessonKit

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

/// The text form of an exam log: one line per record, `{"hash":"<sha256>","record":<json>}`, where the hash
/// is SHA-256 of the record's JSON bytes exactly as written, and each record holds the previous line's hash.
/// Editing, removing or reordering a record breaks the chain.
public enum ExamLogCodec {
    static let prefix = Array(#"{"hash":""#.utf8)
    static let middle = Array(#"","record":"#.utf8)

    /// The line for `record`, newline included.
    public static func line(for record: ExamLogRecord) throws(ExamError) -> (bytes: [UInt8], hash: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json: [UInt8]
        do {
            json = Array(try encoder.encode(record))
        } catch {
            throw ExamError.log("cannot encode a record: \(error)")
        }
        let hash = SHA256.hash(data: json).hexString
        return (prefix + Array(hash.utf8) + middle + json + Array("}\n".utf8), hash)
    }

    /// What reading a log found: the records that verify, in order, and what stopped the reading, if anything.
    public struct Contents: Hashable, Sendable {
        public var records: [ExamLogRecord]
        /// The hash of the last good record (the genesis value when there is none).
        public var lastHash: String
        /// Bytes of the verified records: where the next record goes.
        public var goodLength: Int
        /// A half-written last line (no newline: the writer was stopped mid-write). It is ignored.
        public var tornTail: Bool
        /// The first line that does not verify, and why. Records from there on are not trusted.
        public var problem: Problem?

        /// The record `entry` makes when appended: numbered after the last record, chained to its hash.
        public func record(for entry: ExamLogEntry) -> ExamLogRecord {
            ExamLogRecord(
                index: records.count, prev: lastHash, time: entry.time, kind: entry.kind, student: entry.student,
                start: entry.start, answer: entry.answer)
        }

        /// A log with nothing in it yet: a new one, or the start of reading one.
        public static let empty = Contents(
            records: [], lastHash: ExamLogRecord.genesis, goodLength: 0, tornTail: false, problem: nil)
    }

    /// A line that breaks the log.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// 1-based line number.
        public var line: Int
        public var reason: String

        public var description: String { "line \(line): \(reason)" }
    }

    /// Reads and verifies a whole log.
    public static func read(_ data: some Collection<UInt8>) -> Contents {
        let bytes = Array(data)
        var contents = Contents.empty
        var start = 0
        var lineNumber = 0
        while start < bytes.count {
            lineNumber += 1
            guard let newline = nextNewline(in: bytes, from: start) else {
                contents.tornTail = true  // a single write stopped part way: never acknowledged, so nothing is lost
                break
            }
            let line = Array(bytes[start..<newline])
            switch verify(line, after: contents.records.last, lastHash: contents.lastHash) {
            case .success(let (record, hash)):
                contents.records.append(record)
                contents.lastHash = hash
                contents.goodLength = newline + 1
            case .failure(let reason):
                contents.problem = Problem(line: lineNumber, reason: reason.text)
                return contents
            }
            start = newline + 1
        }
        return contents
    }

    /// The index of the next line feed at or after `start` (memchr: logs can hold megabytes of answers).
    static func nextNewline(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, start < buffer.count,
                let found = memchr(base + start, 0x0A, buffer.count - start)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    struct Reason: Error {
        var text: String
    }

    static func verify(
        _ line: [UInt8], after previous: ExamLogRecord?, lastHash: String
    ) -> Result<(ExamLogRecord, String), Reason> {
        let hashEnd = prefix.count + 64
        guard line.count > hashEnd + middle.count + 1, line.starts(with: prefix),
            Array(line[hashEnd..<hashEnd + middle.count]) == middle, line.last == UInt8(ascii: "}")
        else {
            return .failure(Reason(text: "not a log record"))
        }
        let written = String(decoding: line[prefix.count..<hashEnd], as: UTF8.self)
        let json = Array(line[(hashEnd + middle.count)..<(line.count - 1)])
        let hash = SHA256.hash(data: json).hexString
        guard hash == written else { return .failure(Reason(text: "the record does not match its hash (edited?)")) }
        let record: ExamLogRecord
        do {
            record = try JSONDecoder().decode(ExamLogRecord.self, from: Data(json))
        } catch {
            return .failure(Reason(text: "the record cannot be read"))
        }
        guard record.prev == lastHash else {
            return .failure(Reason(text: "the chain is broken: a record before it was changed, removed or moved"))
        }
        guard record.index == (previous.map { $0.index + 1 } ?? 0) else {
            return .failure(Reason(text: "record \(record.index) is out of place"))
        }
        if previous == nil, record.kind != .start {
            return .failure(Reason(text: "the log does not begin with the exam's start"))
        }
        if let previous {
            guard record.kind != .start else { return .failure(Reason(text: "a second start record")) }
            guard record.student == previous.student else {
                return .failure(
                    Reason(text: "the record is for student '\(record.student)', not '\(previous.student)'"))
            }
        }
        return .success((record, hash))
    }
}
