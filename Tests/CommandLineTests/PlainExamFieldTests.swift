import Foundation
import TCPTutorTestSupport
import Testing
import TutorStorage

/// The plain exam reads a question's fields as the plain quiz does (one loop for both): a field that cannot be read
/// is shown with a caret and asked again, alone; the others keep what was typed.
@Suite("Command line: the plain exam's fields")
struct PlainExamFieldTests {
    @Test("an unreadable seq is shown with a caret and asked again alone; the answer is then logged")
    func unreadableFieldIsAskedAgainAlone() throws {
        let directory = try TemporaryFolder.make("tcptutor-exam-fields")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("exam.key")
        try Data("correct horse battery staple, 2026\n".utf8).write(to: keyFile)
        let arguments = [
            "exam", "--plain", "--lessons", "three-way-handshake", "--questions", "2", "--minutes", "5",
            "--student", "carol", "--key-file", keyFile.path, "--out", directory.path,
        ]
        // Enter begins; flags, a seq with a typo, an ack; then the seq again, and input ends at question 2.
        let result = try TutorProgram.run(arguments, input: "\nS\n23x\n-\n5\n")
        let output = result.output
        let first = try #require(output.range(of: "1. "), "\(output)")
        let second = try #require(output.range(of: "\n2. "), "\(output)")
        let questionOne = String(output[first.lowerBound..<second.lowerBound])
        #expect(questionOne.contains("  23x\n    ^\n  'x' cannot be read"), "\(questionOne)")
        #expect(questionOne.components(separatedBy: "flags (").count == 2, "flags asked once: \(questionOne)")
        #expect(questionOne.components(separatedBy: "\nseq (").count == 3, "seq asked twice: \(questionOne)")
        #expect(questionOne.components(separatedBy: "\nack (").count == 2, "ack asked once: \(questionOne)")
        #expect(output.contains("Input ended; the exam is not finished."))
        let log = directory.appendingPathComponent("carol.examlog")
        let answers = try ExamLogFile.read(log).records.filter { $0.kind == .answer }
        #expect(answers.count == 1, "\(answers)")
    }
}
