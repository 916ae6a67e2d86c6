import Foundation
import Testing

@testable import LessonKit

/// `tcptutor run` and `tcptutor check` as a user runs them: the built program, its output and its exit status.
@Suite("Command line: run and check")
struct CommandLineTests {
    /// The `tcptutor` binary `swift test` built, next to the test bundle.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("tcptutor")
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the program with `input` on its standard input (nothing to read when nil).
    static func run(
        _ arguments: [String], input: String? = nil
    ) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let standardInput = Pipe()
        process.standardInput = standardInput
        try process.run()
        // Small enough for the pipe's buffer: written whole, then closed so the program sees the end.
        try standardInput.fileHandleForWriting.write(contentsOf: Data((input ?? "").utf8))
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test("run prints exactly the seed's three segments, in tcpdump's form")
    func seedText() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no binary at \(Self.binary.path)")
        let result = try Self.run(["run", "three-way-handshake"])
        #expect(result.status == 0)
        let segments = result.output.split(separator: "\n").filter { $0.contains(" IP ") }.map {
            String($0.split(separator: "  →").first!.drop { $0 != "I" })
        }
        #expect(
            segments == [
                "IP 192.168.1.116.3337 > 192.168.1.123.7788: S 3626544836:3626544836(0)",
                "IP 192.168.1.123.7788 > 192.168.1.116.3337: S. 1739326486:1739326486(0) ack 3626544837",
                "IP 192.168.1.116.3337 > 192.168.1.123.7788: . 3626544837:3626544837(0) ack 1739326487",
            ])
    }

    @Test("run --format json: segment objects with the documented fields; --seed changes the numbers consistently")
    func json() throws {
        let result = try Self.run(["run", "three-way-handshake", "--format", "json", "--seed", "9", "--lang", "zh"])
        #expect(result.status == 0)
        let objects = result.output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == result.output.split(separator: "\n").count, "every line is a JSON object")
        let segments = objects.filter { $0["kind"] as? String == "segment" }
        #expect(segments.map { $0["flags"] as? String } == ["S", "S.", "."])
        #expect(segments.map { $0["from"] as? String } == ["A", "B", "A"])
        let synSeq = segments[0]["seq"] as! Int
        #expect(synSeq != 3_626_544_836, "--seed must draw fresh ISNs")
        #expect(segments[1]["ack"] as? Int == (synSeq + 1) % (1 << 32))
        #expect(segments[0]["ack"] is NSNull)
        #expect((segments[2]["states"] as? [String: String]) == ["A": "ESTABLISHED", "B": "ESTABLISHED"])
        #expect((segments[0]["why"] as? String)?.contains("§3.10.1") == true)
        #expect(segments.allSatisfy { $0["event"] as? String == "delivered" && $0["len"] as? Int == 0 })
    }

    @Test("every command spells the language --lang or --language, and the lessons folder --lesson-folder")
    func sharedOptionSpellings() throws {
        for arguments in [
            ["--lang", "zh", "--lessons", "Lessons"], ["--language", "zh", "--lesson-folder", "Lessons"],
        ] {
            let result = try Self.run(["run", "three-way-handshake"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.errors)")
            #expect(result.output.contains("三次握手"), "\(arguments): the narration is in Chinese")
        }
        for command in [
            ["tutor"], ["run", "x"], ["quiz"], ["exam", "take"], ["present", "x"], ["replay", "x"], ["progress"],
        ] {
            let help = try Self.run(command + ["--help"]).output
            #expect(help.contains("--lang, --language <en|zh>"), "\(command)")
        }
    }

    @Test("an installed copy finds its lessons in <prefix>/share/tcptutor/Lessons, from any folder")
    func installedLayout() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin")
        let lessons = prefix.appendingPathComponent("share/tcptutor/Lessons")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.binary, to: bin.appendingPathComponent("tcptutor"))
        // One lesson only, so the count tells this folder from the package's own.
        try FileManager.default.copyItem(
            at: Self.root.appendingPathComponent("Lessons/02-three-way-handshake.lesson"),
            to: lessons.appendingPathComponent("02-three-way-handshake.lesson"))
        let process = Process()
        process.executableURL = bin.appendingPathComponent("tcptutor")
        process.arguments = ["check"]
        process.currentDirectoryURL = prefix
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TCPTUTOR_LESSONS" }
        let output = Pipe()
        process.standardOutput = output
        // A copy just written can be "busy" for a moment: a process forked by another test meanwhile holds the
        // write descriptor until it executes its own program. Try again briefly rather than fail.
        for attempt in 1...50 {
            do {
                try process.run()
                break
            } catch let error as NSError
                where (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) && attempt < 50
            {
                usleep(20_000)
            }
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "1 lesson checked, 0 problems\n")
    }

    @Test("progress numbers the path as the menu does, a lesson that cannot be loaded included")
    func progressListsThePath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lessons = folder.appendingPathComponent("Lessons")
        let state = folder.appendingPathComponent("state/tcptutor")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        for name in ["01-flags-and-numbers.lesson", "02-three-way-handshake.lesson"] {
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent("Lessons/" + name), to: lessons.appendingPathComponent(name))
        }
        try Data("id: broken\n".utf8).write(to: lessons.appendingPathComponent("015-broken.lesson"))
        let book =
            #"{"version": 1, "lessons": {"three-way-handshake": {"completed": true, "step": 9, "stepCount": 10}}}"#
        try Data(book.utf8).write(to: state.appendingPathComponent("progress.json"))
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["progress", "--lesson-folder", lessons.path, "--lang", "en"]
        process.environment = ["XDG_STATE_HOME": folder.appendingPathComponent("state").path, "PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        // A copy just written can be "busy" for a moment: a process forked by another test meanwhile holds the
        // write descriptor until it executes its own program. Try again briefly rather than fail.
        for attempt in 1...50 {
            do {
                try process.run()
                break
            } catch let error as NSError
                where (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) && attempt < 50
            {
                usleep(20_000)
            }
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(
            Array(lines.dropFirst()) == [
                "  1. Flags and numbers (flags-and-numbers): not started",
                "  2. 015-broken.lesson: cannot be loaded",
                "  3. The three-way handshake (three-way-handshake): step 10 of 10, completed",
            ], "\(text)")
    }

    @Test("the lessons folder is looked for where a user would put it, in order")
    func lessonFolderCandidates() {
        let candidates = LessonLibrary.candidates(
            executable: "/opt/tcp/bin/tcptutor", currentDirectory: "/home/s/work",
            environment: ["TCPTUTOR_LESSONS": "/x"])
        #expect(Array(candidates.prefix(3)) == ["/x", "/home/s/work/Lessons", "/opt/tcp/share/tcptutor/Lessons"])
    }

    @Test("check: exit 0 on the curriculum, exit 1 with file:line:column on a broken lesson")
    func check() throws {
        let clean = try Self.run(["check", "Lessons/"])
        #expect(clean.status == 0)
        #expect(clean.output.contains("0 problems"))
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(getpid()).lesson")
        try """
        id: broken
        title: T
        title.zh: 测
        summary: S
        summary.zh: 简
        hosts: A 10.0.0.1:1000, B 10.0.0.2:80
        isn: A 100, B 300
        B listen
        A connect
        A > B: S 100:100(0)
        B > A: S. 300:300(0) ack 100
        """.write(to: broken, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try Self.run(["check", broken.path])
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "\(broken.path):11:8: this segment is not what B sends: expected S. 300:300(0) ack 101"))
    }

    @Test("A lesson that does not exist, and a bad --isn, fail with a clear message")
    func badArguments() throws {
        let missing = try Self.run(["run", "no-such-lesson"])
        #expect(missing.status != 0 && missing.errors.contains("no lesson 'no-such-lesson'"))
        // The call was right, the lesson name was not: no usage text, least of all the top command's.
        #expect(!missing.errors.contains("Usage:"), "\(missing.errors)")
        let badISN = try Self.run(["run", "three-way-handshake", "--isn", "A=lots"])
        #expect(badISN.status != 0 && badISN.errors.contains("--isn takes A=N,B=M"))
    }
}
