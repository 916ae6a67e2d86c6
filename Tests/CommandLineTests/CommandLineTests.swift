import Foundation
import TCPTutorTestSupport
import Testing

@testable import LessonKit

/// `tcptutor run` and `tcptutor check` as a user runs them: the built program, its output and its exit status.
@Suite("Command line: run and check")
struct RunAndCheckTests {
    @Test("run prints exactly the seed's three segments, in tcpdump's form")
    func seedText() throws {
        let result = try TutorProgram.run(["run", "three-way-handshake"])
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
        let result = try TutorProgram.run([
            "run", "three-way-handshake", "--format", "json", "--seed", "9", "--lang", "zh",
        ])
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

    /// Every command with the arguments it needs to get past parsing.
    static let commands: [[String]] = [
        ["tutor"], ["run", "x"], ["quiz"], ["exam", "take"], ["exam", "grade"], ["present", "x"], ["replay", "x"],
        ["progress"],
    ]

    @Test("every command spells the language --lang or --language, and the lessons folder --lesson-folder")
    func sharedOptionSpellings() throws {
        for arguments in [["--lang", "zh", "--lesson-folder", Curriculum.path], ["--language", "zh"]] {
            let result = try TutorProgram.run(["run", "three-way-handshake"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.errors)")
            #expect(result.output.contains("三次握手"), "\(arguments): the narration is in Chinese")
        }
        for command in Self.commands {
            let help = try TutorProgram.run(command + ["--help"]).output
            let readsLessons = command != ["replay", "x"]
            #expect(help.contains("--lang, --language <en|zh>") == (command != ["exam", "grade"]), "\(command)")
            #expect(help.contains("--lesson-folder <folder>") == readsLessons, "\(command)")
            #expect(!help.contains("--lessons <folder>"), "\(command): --lessons names lessons, never a folder")
        }
    }

    @Test("--lessons names lessons (exam --lessons A,B), never a folder: run refuses it and points at --lesson-folder")
    func lessonsNamesLessons() throws {
        let refused = try TutorProgram.run(["run", "three-way-handshake", "--lessons", Curriculum.path])
        #expect(refused.status == 64, "a usage error: \(refused.errors)")
        #expect(refused.errors.contains("Unknown option '--lessons'"), "\(refused.errors)")
        let exam = try TutorProgram.run(["exam", "take", "--help"]).output
        #expect(exam.contains("--lessons <ids>"), "\(exam)")
    }

    @Test("--seed with --fresh is refused by every command that draws fresh ISNs, with the same message")
    func seedWithFresh() throws {
        for command in [["tutor"], ["run", "three-way-handshake"], ["quiz"], ["present", "three-way-handshake"]] {
            let result = try TutorProgram.run(command + ["--seed", "3", "--fresh"])
            #expect(result.status == 64, "\(command): \(result.errors)")
            #expect(
                result.errors.contains("Error: --seed and --fresh both draw fresh ISNs: give one of them"),
                "\(command): \(result.errors)")
            #expect(result.output.isEmpty, "\(command): nothing runs")
        }
    }

    @Test("--fresh draws new ISNs at every run; --seed the same ones every time")
    func freshAndSeedInRun() throws {
        func synSeq(_ arguments: [String]) throws -> String {
            let result = try TutorProgram.run(["run", "three-way-handshake"] + arguments)
            #expect(result.status == 0, "\(result.errors)")
            let syn = result.output.split(separator: "\n").first { $0.contains(": S ") }
            return String(try #require(syn).split(separator: ":")[2])
        }
        let declared = try synSeq([])
        #expect(try synSeq(["--seed", "5"]) == (try synSeq(["--seed", "5"])))
        #expect(try synSeq(["--seed", "5"]) != declared)
        let fresh = try synSeq(["--fresh"])
        #expect(fresh != declared)
        #expect(try synSeq(["--fresh"]) != fresh, "two fresh runs drew the same ISN")
    }

    @Test("present --fresh shows the class numbers the lesson does not declare, and --seed the same ones every time")
    func freshAndSeedInPresent() throws {
        func synLine(_ arguments: [String]) throws -> String {
            let result = try TutorProgram.run(
                ["present", "three-way-handshake", "--plain"] + arguments, input: "\n\n\n\nq\n")
            #expect(result.status == 0, "\(result.errors)")
            return String(try #require(result.output.split(separator: "\n").first { $0.contains("A > B: S ") }))
        }
        let declared = try synLine([])
        let isn = try Curriculum.timeline("three-way-handshake").isn[.a]
        #expect(declared.contains("S \(isn):"), "\(declared)")
        #expect(try synLine(["--fresh"]) != declared)
        #expect(try synLine(["--seed", "8"]) == (try synLine(["--seed", "8"])))
        #expect(try synLine(["--seed", "8"]) != declared)
    }

    @Test("replay refuses --quiz with --format before reading the file: a full-screen mode prints no timeline")
    func replayQuizWithFormat() throws {
        let result = try TutorProgram.run(["replay", "no-such-file.pcap", "--quiz", "--format", "json"])
        #expect(result.status == 64, "\(result.errors)")
        #expect(result.errors.contains("--quiz is a full-screen mode; it does not combine with --format"))
        #expect(result.output.isEmpty)
    }

    @Test("an exam's options are required: a missing one is named, and nothing is created")
    func examOptionsRequired() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("exam-required-\(UUID())")
        let result = try TutorProgram.run([
            "exam", "--lessons", "three-way-handshake", "--questions", "2", "--minutes", "5", "--student", "s1",
            "--out", out.path,
        ])
        #expect(result.status == 64, "\(result.errors)")
        #expect(result.errors.contains("Missing expected argument '--key-file <file>'"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let grade = try TutorProgram.run(["exam", "grade", "--key-file", "exam.key"])
        #expect(grade.status == 64, "\(grade.errors)")
        #expect(grade.errors.contains("Missing expected argument '<folder> ...'"), "\(grade.errors)")
    }

    /// Makes the folder `folder` holding copies of the package's lesson files `names`.
    static func copyLessons(_ names: [String], to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: Curriculum.path).appendingPathComponent(name),
                to: folder.appendingPathComponent(name))
        }
    }

    @Test("an installed copy finds its lessons in <prefix>/share/tcptutor/Lessons, from any folder")
    func installedLayout() throws {
        let prefix = try TemporaryFolder.make("install")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: URL(fileURLWithPath: try TutorProgram.path()), to: bin.appendingPathComponent("tcptutor"))
        // One lesson only, so the count tells this folder from the package's own.
        try Self.copyLessons(
            ["02-three-way-handshake.lesson"], to: prefix.appendingPathComponent("share/tcptutor/Lessons"))
        let result = try TutorProgram.run(
            ["check"], environment: ["TCPTUTOR_LESSONS": nil], executable: bin.appendingPathComponent("tcptutor").path,
            in: prefix)
        let text = result.output
        #expect(result.status == 0, "\(result.errors)")
        #expect(text == "1 lesson checked, 0 problems\n")
    }

    @Test("progress numbers the path as the menu does, a lesson that cannot be loaded included")
    func progressListsThePath() throws {
        let folder = try TemporaryFolder.make("progress")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lessons = folder.appendingPathComponent("Lessons")
        try Self.copyLessons(["01-flags-and-numbers.lesson", "02-three-way-handshake.lesson"], to: lessons)
        let state = folder.appendingPathComponent("state/tcptutor")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try Data("id: broken\n".utf8).write(to: lessons.appendingPathComponent("015-broken.lesson"))
        let book =
            #"{"version": 1, "lessons": {"three-way-handshake": {"completed": true, "step": 9, "stepCount": 10}}}"#
        try Data(book.utf8).write(to: state.appendingPathComponent("progress.json"))
        let result = try TutorProgram.run(
            ["progress", "--lesson-folder", lessons.path, "--lang", "en"], home: folder)
        let text = result.output
        #expect(result.status == 0, "\(result.errors)")
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
        let clean = try TutorProgram.run(["check", "Lessons/"])
        #expect(clean.status == 0)
        #expect(clean.output.contains("0 problems"))
        // B's SYN+ACK acknowledges 100 on line 11, where the engine acknowledges A's SYN with 101.
        let broken = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/wrong-ack.lesson")
        let result = try TutorProgram.run(["check", broken.path])
        #expect(result.status == 1)
        #expect(
            result.errors.contains(
                "\(broken.path):11:8: this segment is not what B sends: expected S. 300:300(0) ack 101"))
    }

    @Test("A lesson that does not exist, and a bad --isn, fail with a clear message")
    func badArguments() throws {
        let missing = try TutorProgram.run(["run", "no-such-lesson"])
        #expect(missing.status != 0 && missing.errors.contains("no lesson 'no-such-lesson'"))
        // The call was right, the lesson name was not: no usage text, least of all the top command's.
        #expect(!missing.errors.contains("Usage:"), "\(missing.errors)")
        let badISN = try TutorProgram.run(["run", "three-way-handshake", "--isn", "A=lots"])
        #expect(badISN.status != 0 && badISN.errors.contains("--isn takes A=N,B=M"))
    }
}
