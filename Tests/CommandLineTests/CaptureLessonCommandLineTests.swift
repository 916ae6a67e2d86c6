import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor replay FILE --to-lesson [-o FILE]`: a captured connection written as a lesson that `check` passes, to
/// standard output or, whole or not at all, to a file; and every way it is refused, with one clear message.
@Suite("Command line: replay --to-lesson")
struct CaptureLessonCommandLineTests {
    static func fixture(_ name: String) -> String {
        Curriculum.root.appendingPathComponent("Tests/CaptureKitTests/Fixtures/\(name)").path
    }

    @Test("-o writes a lesson that check passes; without -o the same lesson goes to standard output")
    func writesALessonThatChecks() throws {
        let folder = try TemporaryFolder.make("to-lesson")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("retransmission.lesson").path
        let capture = Self.fixture("retransmission.pcap")
        let written = try TutorProgram.run(["replay", capture, "--to-lesson", "-o", file])
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.output.isEmpty)
        #expect(written.errors.isEmpty)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.hasPrefix("# A lesson made from a capture: tcptutor replay retransmission.pcap --stream 0"))
        let check = try TutorProgram.run(["check", file])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains("1 lesson checked, 0 problems"))
        #expect(check.errors.isEmpty, "\(check.errors)")
        // The lesson runs, and ends where the capture does.
        let run = try TutorProgram.run(["run", file])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("A TIME_WAIT, B CLOSED"))
        let printed = try TutorProgram.run(["replay", capture, "--to-lesson"])
        #expect(printed.status == 0)
        #expect(printed.output == saved)
    }

    @Test("a connection that cannot become a lesson says which packet and why, and leaves -o's file as it was")
    func refusedLeavesTheFileAlone() throws {
        let folder = try TemporaryFolder.make("to-lesson")
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = folder.appendingPathComponent("unexplained.txt")
        try """
        12:00:00.000000 IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [S], seq 100, win 65535, length 0
        12:00:00.010000 IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [S.], seq 300, ack 101, win 65535, length 0
        12:00:00.020000 IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [.], ack 301, win 65535, length 0
        12:00:00.030000 IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [F.], seq 301, ack 151, win 65535, length 0

        """.write(to: capture, atomically: true, encoding: .utf8)
        let file = folder.appendingPathComponent("kept.lesson").path
        try "an earlier lesson\n".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try TutorProgram.run(["replay", capture.path, "--to-lesson", "-o", file])
        #expect(result.status == 1)
        #expect(
            result.errors.contains("stream 0 of \(capture.path) cannot become a lesson: packet 4"), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "an earlier lesson\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
    }

    @Test("several connections and no --stream: the list to choose from; --stream chooses")
    func severalConnections() throws {
        let capture = Self.fixture("two-interfaces.pcapng")
        let result = try TutorProgram.run(["replay", capture, "--to-lesson"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("holds 2 TCP connections; a lesson is made from one: choose it with --stream N"))
        #expect(result.errors.contains("  0: 10.201.0.1:"))
        #expect(result.errors.contains("  1: [::1]:"))
        let chosen = try TutorProgram.run(["replay", capture, "--stream", "1", "--to-lesson"])
        #expect(chosen.status == 0, "\(chosen.errors)")
        #expect(chosen.output.contains("hosts: A [::1]:"))
        #expect(chosen.output.contains("id: capture-two-interfaces-stream-1"))
        let missing = try TutorProgram.run(["replay", capture, "--stream", "5", "--to-lesson"])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("has no stream 5: it holds 2 TCP connections (0 to 1)"))
    }

    @Test("options that do not go with --to-lesson, and a file that cannot be written, are refused")
    func refusedOptions() throws {
        let capture = Self.fixture("a-closes-first.pcap")
        let output = try TutorProgram.run(["replay", capture, "-o", "x.lesson"])
        #expect(output.status != 0)
        #expect(output.errors.contains("--output writes the lesson of --to-lesson; add --to-lesson"))
        let quiz = try TutorProgram.run(["replay", capture, "--to-lesson", "--quiz"])
        #expect(quiz.status != 0)
        #expect(quiz.errors.contains("--to-lesson writes a lesson; it does not combine with --quiz"))
        let relative = try TutorProgram.run(["replay", capture, "--to-lesson", "--relative"])
        #expect(relative.status != 0)
        #expect(relative.errors.contains("--to-lesson writes a lesson; it does not combine with --relative"))
        let nowhere = "/nonexistent-folder-\(getpid())/x.lesson"
        let unwritable = try TutorProgram.run(["replay", capture, "--to-lesson", "-o", nowhere])
        #expect(unwritable.status == 1)
        #expect(
            unwritable.errors.contains("cannot write \(nowhere): No such file or directory"), "\(unwritable.errors)")
    }
}
