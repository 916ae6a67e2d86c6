import Foundation
import TCPTutorTestSupport
import Testing

/// One run of `tcptutor` in a tmux pane, with the terminal modes recorded before and after.
struct TutorRun {
    let terminal: TmuxTerminal
    let pidFile: String
    let beforeFile: String
    let afterFile: String
    let statusFile: String

    /// Starts `tcptutor arguments` from the pane's shell.
    init(_ terminal: TmuxTerminal, arguments: [String] = ["--no-animation"], environment: [String] = []) throws {
        let binary = try TutorProgram.path()
        try self.init(
            terminal, command: "env \(environment.joined(separator: " ")) \(binary) \(arguments.joined(separator: " "))"
        )
    }

    /// Starts `command` (a shell command line, run with `exec`) from the pane's shell: the tutor, or a client
    /// such as `ssh` that shows it.
    init(_ terminal: TmuxTerminal, command: String) throws {
        self.terminal = terminal
        let folder = terminal.folder.path
        pidFile = folder + "/pid"
        beforeFile = folder + "/stty-before"
        afterFile = folder + "/stty-after"
        statusFile = folder + "/status"
        // A script, not a command line typed at the shell: an interactive shell abandons the rest of a command
        // line when its job dies of SIGINT, and the modes must be recorded however the tutor ends.
        let script = """
            cd \(folder)
            stty -g > \(beforeFile)
            sh -c 'echo $$ > \(pidFile); exec \(command)'
            echo $? > \(statusFile)
            stty -g > \(afterFile)

            """
        let scriptPath = folder + "/run.sh"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        try terminal.type("sh \(scriptPath); clear; echo SHELL-BACK")
        try terminal.send("Enter")
    }

    /// The process id of the running tutor.
    func pid() throws -> pid_t {
        let text = try terminal.waitForFile(pidFile)
        guard let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError("bad pid file: \(text)")
        }
        return pid
    }

    /// Waits for the tutor to end, then checks that the terminal is as it was: normal screen, cursor shown,
    /// keypad mode off, the same stty modes. Returns the exit status the shell saw.
    @discardableResult
    func expectRestored(timeout: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let after = try terminal.waitForFile(afterFile, timeout: timeout)
        let before = try String(contentsOfFile: beforeFile, encoding: .utf8)
        #expect(after == before, "stty modes differ after exit", sourceLocation: sourceLocation)
        try terminal.waitFor("SHELL-BACK", timeout: timeout, sourceLocation: sourceLocation)
        #expect(
            try terminal.format("#{alternate_on}") == "0", "still on the alternate screen",
            sourceLocation: sourceLocation)
        #expect(try terminal.format("#{cursor_flag}") == "1", "cursor left hidden", sourceLocation: sourceLocation)
        #expect(try terminal.format("#{keypad_flag}") == "0", "keypad mode left on", sourceLocation: sourceLocation)
        let status = try String(contentsOfFile: statusFile, encoding: .utf8)
        return Int(status.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}

/// What the lesson screen shows in its top rows.
struct LessonView: Equatable {
    var stateA: String
    var stateB: String
    /// The text between the host boxes (the wire and its label).
    var wire: String
    var screen: [String]

    /// Reads the host states from the box rows of a 100-column lesson screen.
    init?(_ screen: [String]) {
        guard screen.count > 5 else { return nil }
        let stateRow = screen[4].split(separator: "│", omittingEmptySubsequences: false)
        guard stateRow.count >= 4 else { return nil }
        stateA = stateRow[1].trimmingCharacters(in: .whitespaces)
        stateB = stateRow[stateRow.count - 2].trimmingCharacters(in: .whitespaces)
        wire = screen[2...4].map { line in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            let middle = parts.count >= 4 ? parts[2] : Substring(line)
            return middle.replacingOccurrences(of: "┐", with: "").replacingOccurrences(of: "┌", with: "")
        }.joined(separator: " ")
        self.screen = screen
    }
}
