import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TutorStorage

@testable import TutorSession

@Suite("Exam log: hash chain, torn writes, tampering")
struct ExamLogTests {
    /// A log with a start record and `answers` answer records, written through `ExamLogFile`.
    func writeLog(answers: Int, student: String = "s1") throws -> URL {
        let url = (try TemporaryFolder.make("tcptutor-exam")).appendingPathComponent("\(student).examlog")
        let log = try ExamLogFile.create(at: url)
        let start = ExamLogRecord.Start(version: 1, parameters: ExamLogFixtures.parameters, fingerprint: "f")
        try log.append(.start, student: student, time: 1000, start: start)
        for number in 1...max(answers, 1) where number <= answers {
            let answer = ExamLogRecord.Answer(
                question: number, point: "handshake:10\(number)", fields: [.flags: "S.", .seq: "\(number)"])
            try log.append(.answer, student: student, time: 1000 + Int64(number), answer: answer)
        }
        return url
    }

    @Test("records read back in order, each chained to the one before")
    func roundTrip() throws {
        let url = try writeLog(answers: 3)
        let contents = try ExamLogFile.read(url)
        #expect(contents.problem == nil && !contents.tornTail)
        #expect(contents.records.map(\.kind) == [.start, .answer, .answer, .answer])
        #expect(contents.records.map(\.index) == [0, 1, 2, 3])
        #expect(contents.records[0].prev == ExamLogRecord.genesis)
        #expect(contents.records[2].answer?.typed == [.flags: "S.", .seq: "2"])
        let lines = try ExamLogFixtures.lines(url)
        #expect(lines.count == 5 && lines[4].isEmpty)
        #expect(lines[1].hasPrefix(#"{"hash":""#) && lines[1].contains(#""prev":""#))
        let firstHash = String(lines[0].dropFirst(9).prefix(64))
        #expect(contents.records[1].prev == firstHash)
        #expect(!lines.joined().contains("score"))
    }

    @Test("a half-written last record is ignored; resuming cuts it and goes on")
    func tornTail() throws {
        let url = try writeLog(answers: 2)
        let intact = try Data(contentsOf: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"hash":"0123","record":{"index":3,"ki"#.utf8))
        try handle.close()
        let contents = try ExamLogFile.read(url)
        #expect(contents.tornTail && contents.problem == nil)
        #expect(contents.records.count == 3)
        #expect(contents.goodLength == intact.count)
        let log = try ExamLogFile.openForAppending(at: url)
        #expect(log.records.count == 3)
        try log.append(.resume, student: "s1", time: 5000)
        let after = try ExamLogFile.read(url)
        #expect(after.problem == nil && !after.tornTail)
        #expect(after.records.map(\.kind) == [.start, .answer, .answer, .resume])
        #expect(try Data(contentsOf: url).prefix(intact.count) == intact)
    }

    @Test("an edited record is detected, and so is an edited record whose own hash was recomputed")
    func edited() throws {
        let url = try writeLog(answers: 3)
        try ExamLogFixtures.edit(url, line: 2, replacing: #""seq":"2""#, with: #""seq":"9""#)
        let edited = try ExamLogFile.read(url)
        #expect(edited.problem?.line == 3)
        #expect(edited.problem?.reason.contains("does not match its hash") == true)
        #expect(edited.records.count == 2)
        #expect(throws: ExamError.self) { try ExamLogFile.openForAppending(at: url) }

        var records = try ExamLogFile.read(try writeLog(answers: 3)).records
        records[2].answer?.fields["seq"] = "9"
        var relinked = try ExamLogCodec.line(for: records[0]).bytes + ExamLogCodec.line(for: records[1]).bytes
        relinked += try ExamLogCodec.line(for: records[2]).bytes + ExamLogCodec.line(for: records[3]).bytes
        let chain = ExamLogCodec.read(relinked)
        #expect(chain.problem?.line == 4)
        #expect(chain.problem?.reason.contains("chain is broken") == true)
    }

    @Test("removed, reordered, foreign and doubled records are detected")
    func structure() throws {
        let url = try writeLog(answers: 3)
        let lines = try ExamLogFixtures.lines(url).filter { !$0.isEmpty }
        func check(
            _ lines: [String], line: Int, mentions text: String, sourceLocation: SourceLocation = #_sourceLocation
        ) {
            let contents = ExamLogCodec.read(Array((lines.joined(separator: "\n") + "\n").utf8))
            #expect(contents.problem?.line == line, sourceLocation: sourceLocation)
            #expect(
                contents.problem?.reason.contains(text) == true, "\(String(describing: contents.problem))",
                sourceLocation: sourceLocation)
        }
        check([lines[0], lines[1], lines[3]], line: 3, mentions: "chain is broken")
        check([lines[0], lines[2], lines[1], lines[3]], line: 2, mentions: "chain is broken")
        check([lines[1], lines[2]], line: 1, mentions: "chain is broken")
        check([lines[0], lines[1], "not json at all", lines[2]], line: 3, mentions: "not a log record")
        var records = ExamLogCodec.read(Array((lines.joined(separator: "\n") + "\n").utf8)).records
        records[2].student = "s2"
        let foreign = try ExamLogFixtures.rechain(records)
        #expect(ExamLogCodec.read(foreign).problem?.reason.contains("for student 's2'") == true)
        records[2] = records[0]
        let doubled = try ExamLogFixtures.rechain(records)
        #expect(ExamLogCodec.read(doubled).problem?.reason.contains("second start") == true)
        let headless = try ExamLogFixtures.rechain(Array(records.dropFirst()))
        #expect(ExamLogCodec.read(headless).problem?.reason.contains("begin with") == true)
    }

    @Test("a log is never created over an existing one")
    func noOverwrite() throws {
        let url = try writeLog(answers: 1)
        #expect(throws: ExamError.self) { try ExamLogFile.create(at: url) }
        #expect(try ExamLogFile.read(url).records.count == 2)
    }
}
