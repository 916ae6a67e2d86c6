import Foundation
import TCPTutorTestSupport
import Testing

/// The plain mode from the outside: chosen automatically without a terminal or with TERM=dumb, no escape codes.
@Suite(.serialized) struct PlainModeTerminalTests {
    /// Runs the tutor with `input` on a pipe-less standard input (a file) and standard output to a file.
    func runPiped(_ arguments: [String], input: String, term: String = "xterm") throws -> (
        status: Int32, output: String, errors: String
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputPath = folder.appendingPathComponent("in").path
        try input.write(toFile: inputPath, atomically: true, encoding: .utf8)
        let script = folder.appendingPathComponent("run.sh").path
        let command =
            "env -i PATH=/usr/bin:/bin HOME=\(folder.path) TERM=\(term) LANG=C.UTF-8 XDG_STATE_HOME=\(folder.path) "
            + "\(try TutorProgram.path()) \(arguments.joined(separator: " ")) < \(inputPath) > \(folder.path)/out "
            + "2> \(folder.path)/err; echo $? > \(folder.path)/status\n"
        try command.write(toFile: script, atomically: true, encoding: .utf8)
        _ = try TmuxTerminal.run("/bin/sh", [script])
        let read = { (name: String) in
            (try? String(contentsOfFile: folder.appendingPathComponent(name).path, encoding: .utf8)) ?? ""
        }
        return (Int32(read("status").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1, read("out"), read("err"))
    }

    @Test func withoutATerminalTheLessonComesAsNumberedLines() throws {
        // Lesson 2 is the handshake in the lesson path; Enter steps.
        let result = try runPiped([], input: "2\n\n\n\n\n")
        #expect(result.status == 0)
        #expect(result.errors.contains("not a terminal"), "says why the full screen is not used: \(result.errors)")
        #expect(result.output.contains("The three-way handshake"))
        #expect(result.output.contains("A > B: S 3626544836:3626544836(0)"))
        #expect(result.output.contains("A: SYN_SENT, B: SYN_RECEIVED."))
        #expect(!result.output.contains("\u{1B}"), "no terminal control codes in plain mode")
    }

    @Test func dumbTerminalInATmuxPaneGetsPlainMode() throws {
        let terminal = try TmuxTerminal()
        let folder = terminal.folder.path
        try terminal.type("TERM=dumb \(try TutorProgram.path()); echo DONE-$? > \(folder)/status")
        try terminal.send("Enter")
        try terminal.waitFor("Type a lesson number")
        try terminal.type("2")
        try terminal.send("Enter")
        try terminal.waitFor("Step 1 of")
        #expect(try terminal.format("#{alternate_on}") == "0", "plain mode never switches screens")
        try terminal.send("Enter")
        try terminal.waitFor("Step 2 of")
        try terminal.send("q", "Enter")
        try terminal.send("q", "Enter")
        let status = try terminal.waitForFile(folder + "/status")
        #expect(status == "DONE-0\n")
        #expect(try terminal.history().contains("TERM=dumb cannot move the cursor"))
    }

    @Test func plainFlagWorksInATerminalToo() throws {
        let result = try runPiped(["--plain", "--language", "zh"], input: "2\n\n")
        #expect(result.status == 0)
        #expect(result.errors.isEmpty, "asked for, so no note: \(result.errors)")
        #expect(result.output.contains("三次握手"))
        #expect(result.output.contains("第 2 步"))
    }

    @Test func progressIsShownResetAndAnUnreadableFileIsKeptAside() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = try TutorProgram.path()
        let state = folder.appendingPathComponent("tcptutor").path
        let script = """
            export XDG_STATE_HOME=\(folder.path) LANG=C.UTF-8
            printf '2\\n\\n\\n' | \(binary) --plain > /dev/null
            \(binary) progress --lang en > \(folder.path)/shown
            \(binary) progress --language zh > \(folder.path)/shown-zh
            printf 'not json' > \(state)/progress.json
            printf '' | \(binary) --plain > /dev/null 2> \(folder.path)/warning
            ls \(state) > \(folder.path)/files
            \(binary) progress --reset > \(folder.path)/reset
            \(binary) progress > \(folder.path)/after

            """
        let path = folder.appendingPathComponent("run.sh").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try TmuxTerminal.run("/bin/sh", [path])
        let read = { (name: String) in
            (try? String(contentsOfFile: folder.appendingPathComponent(name).path, encoding: .utf8)) ?? ""
        }
        // Every lesson of the path, in order, with where the student is.
        let shown = read("shown").split(separator: "\n").map(String.init)
        #expect(
            shown.contains { $0.hasPrefix("   2. The three-way handshake (three-way-handshake): step 3 of ") },
            "\(shown)")
        #expect(shown.contains("   1. Flags and numbers (flags-and-numbers): not started"), "\(shown)")
        #expect(shown.contains { $0.hasPrefix("  21. ") }, "\(shown)")
        #expect(read("shown-zh").contains("   2. 三次握手 (three-way-handshake)：第 3 步，共 "), "\(read("shown-zh"))")
        #expect(read("warning").contains("could not be read"), "\(read("warning"))")
        let files = read("files").split(separator: "\n")
        let keptAside = try #require(files.first { $0.hasPrefix("progress.json.corrupt-") })
        #expect(try String(contentsOfFile: state + "/" + keptAside, encoding: .utf8) == "not json")
        #expect(read("reset").contains("Progress cleared"))
        #expect(read("after").contains("No progress saved yet"))
    }
}
