import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TutorStorage

@testable import TutorSession

#if canImport(Glibc)
    import Glibc
#endif

/// The exam log survives `kill -9`: a real child process appends records and is killed with SIGKILL, several
/// times over the same log: at a random moment, or while it is part way through writing a record (it writes
/// half a line, as a write cut short by the kernel would leave it, and waits). After each kill the log
/// verifies, every record the child reported as written is there, and the next run resumes the log.
@Suite("Exam log after kill -9")
struct ExamCrashTests {
    static let childVariable = "TCPTUTOR_EXAM_CRASH_CHILD"
    /// Large records keep the child inside write and fsync most of the time, so kills land mid-record.
    static let recordPadding = String(repeating: "7", count: 1 << 18)

    /// Appends answer records to the log at `url` (resuming it if it exists), reporting each durable index.
    /// In a child process it runs until killed; in the test process it writes `count` records.
    static func runWriter(url: URL, count: Int?, report: (Int) -> Void) throws {
        let log: ExamLogFile
        if FileManager.default.fileExists(atPath: url.path) {
            log = try ExamLogFile.openForAppending(at: url)
            try log.append(.resume, student: "crash", time: 2)
        } else {
            log = try ExamLogFile.create(at: url)
            let start = ExamLogRecord.Start(version: 1, parameters: ExamLogFixtures.parameters, fingerprint: "f")
            try log.append(.start, student: "crash", time: 1, start: start)
        }
        var written = 0
        while count.map({ written < $0 }) ?? true {
            let answer = ExamLogRecord.Answer(
                question: log.records.count, point: "p", fields: [.seq: "\(log.records.count)", .flags: recordPadding])
            let record = try log.append(.answer, student: "crash", time: 3, answer: answer)
            report(record.index)
            written += 1
        }
    }

    /// Appends a few records, then writes the first half of the next line and waits to be killed.
    static func tearWriter(url: URL) throws -> Never {
        try runWriter(url: url, count: 2) { index in
            FileHandle.standardOutput.write(Data("DURABLE \(index)\n".utf8))
        }
        let contents = try ExamLogFile.read(url)
        let record = ExamLogRecord(
            index: contents.records.count, prev: contents.lastHash, time: 3, kind: .answer, student: "crash",
            start: nil, answer: ExamLogRecord.Answer(question: 0, point: "p", fields: [.flags: recordPadding]))
        let line = try ExamLogCodec.line(for: record).bytes
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.prefix(line.count / 2)))
        try handle.synchronize()
        FileHandle.standardOutput.write(Data("HALF\n".utf8))
        while true { pause() }
    }

    @Test("examLogChildWriter: the writer the crash test runs in a child process")
    func examLogChildWriter() throws {
        if let setting = ProcessInfo.processInfo.environment[Self.childVariable] {
            let url = URL(fileURLWithPath: String(setting.dropFirst(5)))
            if setting.hasPrefix("tear:") { try Self.tearWriter(url: url) }
            try Self.runWriter(url: url, count: nil) { index in
                FileHandle.standardOutput.write(Data("DURABLE \(index)\n".utf8))
            }
            return
        }
        let url = (try TemporaryFolder.make("tcptutor-exam")).appendingPathComponent("crash.examlog")
        var reported: [Int] = []
        try Self.runWriter(url: url, count: 5) { reported.append($0) }
        let contents = try ExamLogFile.read(url)
        #expect(contents.problem == nil && !contents.tornTail)
        #expect(reported == [1, 2, 3, 4, 5])
        #expect(contents.records.last?.answer?.typed[.flags]?.count == Self.recordPadding.count)
    }

    @Test("kill -9 mid-write: nothing acknowledged is lost, a torn line is ignored, the log resumes")
    func killNine() throws {
        let url = (try TemporaryFolder.make("tcptutor-exam")).appendingPathComponent("crash.examlog")
        var durable = -1
        var tornTails = 0
        for round in 0..<4 {
            let tearing = round % 2 == 1
            var child = try TestChildProcess.start(
                test: "examLogChildWriter", variable: Self.childVariable,
                value: (tearing ? "tear:" : "run: ") + url.path)
            let target = tearing ? 2 : 2 + Int.random(in: 0...3)
            var seen = 0
            var halfWritten = false
            while seen < target || (tearing && !halfWritten), let line = child.nextLine() {
                if line.hasPrefix("DURABLE "), let index = Int(line.dropFirst(8)) {
                    durable = max(durable, index)
                    seen += 1
                }
                if line == "HALF" { halfWritten = true }
            }
            #expect(seen >= target, "round \(round): the child stopped early")
            if !tearing { usleep(UInt32.random(in: 0...20_000)) }
            kill(child.process.processIdentifier, SIGKILL)
            child.process.waitUntilExit()
            #expect(child.process.terminationReason == .uncaughtSignal)

            let contents = try ExamLogFile.read(url)
            #expect(contents.problem == nil, "round \(round): \(String(describing: contents.problem))")
            #expect(contents.records.count > durable, "round \(round): a record reported written is missing")
            #expect(contents.records.map(\.index) == Array(contents.records.indices))
            if contents.tornTail { tornTails += 1 }
            if tearing { #expect(contents.tornTail, "round \(round): the half-written record should be seen") }
        }
        let log = try ExamLogFile.openForAppending(at: url)
        try log.append(.finish, student: "crash", time: 4)
        let final = try ExamLogFile.read(url)
        #expect(final.problem == nil && !final.tornTail)
        #expect(final.records.count > durable + 1)
        #expect(final.records.filter { $0.kind == .resume }.count == 3)
        #expect(tornTails >= 2)
        print("kill -9 rounds: 4, torn last lines seen: \(tornTails), durable records: \(durable)")
    }
}
