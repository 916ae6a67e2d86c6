import ClassLink
import Foundation
import TCPTutorTestSupport
import Testing

/// A follower's tutor waits on the class link and the keyboard together: with nothing coming it sleeps, and a
/// step from the class server is on the screen without a key being pressed.
@Suite("Follow mode: the tutor sleeps on the class link")
struct FollowWaitTerminalTests {
    /// Times all the tutor's threads went to sleep waiting (voluntary context switches, /proc/PID/task/*/status):
    /// each is one wake-up, whatever the machine's load makes each of them cost.
    static func wakeups(_ pid: pid_t) throws -> Int {
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")
        return try tasks.reduce(0) { total, task in
            let status = try String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)
            let line = status.split(separator: "\n").first { $0.hasPrefix("voluntary_ctxt_switches:") }
            return total + (line.flatMap { Int($0.split(separator: "\t").last ?? "") } ?? 0)
        }
    }

    /// A follower's tutor in the pane, on the lesson's first step.
    static func following(_ terminal: TmuxTerminal) throws -> (TutorRun, ClassLinkConnection) {
        let (run, link) = try FollowTerminalTests.start(terminal)
        try link.send(.hello(Hello(student: "ada", mode: .follow, language: "en")))
        try link.send(.followStep(lessonID: FollowTerminalTests.lesson, position: 0, revealed: false))
        try terminal.waitFor("Step 1 of")
        return (run, link)
    }

    @Test("an idle follower wakes a few times a second at most, and the instructor's next step shows by itself")
    func idleFollowerSleeps() throws {
        let terminal = try TmuxTerminal()
        let (run, link) = try Self.following(terminal)
        let lesson = FollowTerminalTests.lesson
        let pid = try run.pid()
        // Polling the link every 5 ms woke the tutor 200 times a second; waiting on it, the keyboard's idle
        // timeout (200 ms) is all that is left. Two seconds: about ten wake-ups, against four hundred.
        let before = try Self.wakeups(pid)
        usleep(2_000_000)
        let woken = try Self.wakeups(pid) - before
        #expect(woken < 60, "the idle follower's tutor woke \(woken) times in 2 s")

        // Nothing typed: the step arrives on the link alone and the screen shows it.
        try link.send(.followStep(lessonID: lesson, position: 1, revealed: false))
        try terminal.waitFor("Step 2 of")
        try FollowTerminalTests.endClass(link, run)
    }

    @Test("while the tutor waits on the link, a resized window is redrawn and keys are read")
    func resizeAndKeysWhileWaiting() throws {
        let terminal = try TmuxTerminal()
        let (run, link) = try Self.following(terminal)
        // SIGWINCH interrupts the wait; the resize ncurses noted is read before the next wait.
        try terminal.tmux(["resize-window", "-t", "0", "-x", "60", "-y", "20"])
        try terminal.waitFor("at least 80x24")
        try terminal.tmux(["resize-window", "-t", "0", "-x", "120", "-y", "40"])
        try terminal.waitFor("the 120x40 layout") { lines in
            lines.count >= 40 && lines.contains { $0.contains("Step 1 of") }
        }
        // Keys come through the wait: the help opens, Esc (a lone escape byte, which ncurses holds until it
        // knows no sequence follows) closes it, and r switches the numbers.
        try terminal.send("?")
        try terminal.waitFor("Press any key to close.")
        try terminal.send("Escape")
        try terminal.waitFor("the help closed") { lines in !lines.joined().contains("Press any key to close.") }
        try terminal.send("r")
        try terminal.waitFor("relative numbers")
        try FollowTerminalTests.endClass(link, run)
    }
}
