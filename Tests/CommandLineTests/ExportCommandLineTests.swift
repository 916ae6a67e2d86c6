import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor export` as a user runs it: the file it writes, the committed diagram in the README, and clear
/// refusals of bad arguments.
@Suite struct ExportCommandLineTests {
    static let capture = "Tests/CaptureKitTests/Fixtures/retransmission.pcap"

    @Test func theReadmesDiagramIsWhatTheCommandDraws() throws {
        let result = try TutorProgram.run(["export", "three-way-handshake"])
        #expect(result.status == 0, "\(result.errors)")
        let committed = try String(
            contentsOf: Curriculum.root.appendingPathComponent("docs/handshake.svg"), encoding: .utf8)
        #expect(
            result.output == committed,
            "docs/handshake.svg is stale: run `tcptutor export 02-three-way-handshake -o docs/handshake.svg`")
        let readme = try String(contentsOf: Curriculum.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("](docs/handshake.svg)"))
    }

    @Test func dashOWritesWhatStandardOutputShows() throws {
        let folder = try TemporaryFolder.make("export-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["svg", "mermaid", "markdown"] {
            let file = folder.appendingPathComponent("out.\(format)")
            let arguments = ["export", Self.capture, "--format", format, "--lang", "zh"]
            let written = try TutorProgram.run(arguments + ["-o", file.path])
            #expect(written.status == 0 && written.output.isEmpty, "\(written.errors)")
            let printed = try TutorProgram.run(arguments)
            #expect(try String(contentsOf: file, encoding: .utf8) == printed.output)
            #expect(!printed.output.isEmpty)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 3, "no temporary file left")
    }

    @Test func seedAndIsnChangeTheNumbersDrawn() throws {
        let seeded = try TutorProgram.run(["export", "02-three-way-handshake", "--format", "mermaid", "--seed", "7"])
        let fixed = try TutorProgram.run([
            "export", "02-three-way-handshake", "--format", "mermaid", "--isn", "A=100,B=300",
        ])
        let plain = try TutorProgram.run(["export", "02-three-way-handshake", "--format", "mermaid"])
        #expect(seeded.status == 0 && fixed.status == 0)
        #expect(seeded.output != plain.output)
        #expect(fixed.output.contains("A->>B: S 100:100(0)"))
        #expect(fixed.output.contains("B->>A: S. 300:300(0) ack 101"))
        let relative = try TutorProgram.run([
            "export", "02-three-way-handshake", "--format", "mermaid", "--isn", "A=100,B=300", "--relative",
        ])
        #expect(relative.output.contains("B->>A: S. 0:0(0) ack 1"))
    }

    /// Each refusal: its words on standard error, nothing on standard output, a non-zero exit.
    @Test(arguments: [
        (["export", capture, "--stream", "7"], "has no stream 7: it holds 1 TCP connection (0 to 0)"),
        (["export", "02-three-way-handshake", "--upto", "999"], "--upto 999 is not a step of 02-three-way-handshake"),
        (["export", "02-three-way-handshake", "--upto=-1"], "--upto -1 is not a step"),
        (
            ["export", "02-three-way-handshake", "-o", "/nonexistent-folder/h.svg"],
            "cannot write /nonexistent-folder/h.svg"
        ),
        (["export", "02-three-way-handshake", "--stream", "1"], "--stream 1 chooses a connection in a capture"),
        (["export", capture, "--seed", "3"], "a capture's numbers are the ones captured"),
        (["export", "no-such-lesson"], "no lesson 'no-such-lesson'"),
        (["export", "no-such-capture.pcap"], "cannot read no-such-capture.pcap: there is no such file"),
        (["export", "02-three-way-handshake", "--format", "png"], "png"),
    ])
    func badArgumentsAreRefusedClearly(_ arguments: [String], _ message: String) throws {
        let result = try TutorProgram.run(arguments)
        #expect(result.status != 0)
        #expect(result.errors.contains(message), "\(result.errors)")
        #expect(result.output.isEmpty)
    }
}
