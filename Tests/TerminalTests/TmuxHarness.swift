import Foundation
import TCPTutorTestSupport
import Testing

/// A terminal for end-to-end tests: a tmux server on a private socket running a shell in one pane.
///
/// Everything waits by polling `capture-pane` with a deadline; nothing sleeps a fixed time.
final class TmuxTerminal {
    let socket: String
    let folder: URL
    private static let counter = Counter()

    /// Starts a detached 100x30 session running /bin/sh with a UTF-8 locale and tmux's own TERM.
    init(width: Int = 100, height: Int = 30) throws {
        socket = "tcptutor-test-\(getpid())-\(Self.counter.next())"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let state = folder.appendingPathComponent("state").path
        let shell =
            "env -i PATH=/usr/bin:/bin HOME=\(folder.path) TERM=tmux-256color LANG=C.UTF-8 XDG_STATE_HOME=\(state) "
            + "TCPTUTOR_LESSONS=\(Curriculum.path) SWIFT_BACKTRACE=interactive=no,color=no PS1='$ ' /bin/sh"
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", shell])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs tmux with this terminal's socket and returns its standard output.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try Self.run(Self.tmuxPath(), ["-L", socket, "-f", "/dev/null"] + arguments)
    }

    /// The tmux binary, or a clear failure when it is missing (the CI installs it).
    static func tmuxPath() throws -> String {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"] {
            let path = directory + "/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw HarnessError("tmux is not installed: the terminal tests need it (apt-get install tmux)")
    }

    /// Runs a program to its end and returns what it printed.
    ///
    /// posix_spawn and waitpid, not Foundation's Process: its exit monitoring missed the exit of the tmux client
    /// whose server lives on; the output goes to a file, since the server would keep a pipe open forever.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        let pid = try spawn(executable, arguments, outputPath: outputPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw HarnessError("waitpid failed: \(errno)") }
        }
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw HarnessError("\(executable) \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return text
    }

    /// Starts a program with standard input from /dev/null and both output streams to `outputPath`, in
    /// `environment` (this process's own when nil), and returns its process id.
    static func spawn(_ executable: String, _ arguments: [String], environment: [String]? = nil, outputPath: String)
        throws -> pid_t
    {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup($0) } + [nil] }
        defer { envp?.forEach { free($0) } }
        // The test process blocks or ignores signals in some threads; tmux and everything it starts (the
        // tutor under test included) must begin with none blocked and every handler at its default.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned =
            if var envp {
                posix_spawn(&pid, executable, &actions, &attributes, argv, &envp)
            } else {
                posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
            }
        guard spawned == 0 else { throw HarnessError("cannot start \(executable): error \(spawned)") }
        return pid
    }

    /// Types keys (tmux key names such as `Enter`, `PageDown`, `C-c`, or literal text).
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "0"] + keys)
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "0", "-l", text])
    }

    /// The screen's text now, one string per row.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "0"]).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
    }

    /// The screen with its colours and attributes as escape sequences.
    func screenWithAttributes() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", "0"])
    }

    /// Everything the pane has shown, scrolled-off lines included.
    func history() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "0"])
    }

    /// A tmux format value of the pane, such as `#{alternate_on}`.
    func format(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "0", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until `condition` holds for the screen and the screen has stopped changing (a capture can catch the
    /// tutor half-way through drawing a frame: the line looked for is there, the rest not yet); fails with the
    /// last screen after `timeout` seconds.
    @discardableResult
    func waitFor(
        _ description: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String] = []
        while Date() < deadline {
            last = try screen()
            if condition(last) {
                usleep(30_000)
                let next = try screen()
                if next == last { return last }
                continue
            }
            usleep(10_000)
        }
        Issue.record(
            "Timed out waiting for \(description). Screen:\n\(last.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
        throw HarnessError("timed out waiting for \(description)")
    }

    /// Waits until the screen differs from `previous` and has stopped changing (a capture can catch the
    /// tutor half-way through drawing a frame).
    func waitForChange(from previous: [String], _ description: String, timeout: Double = 10) throws -> [String] {
        try waitFor(description, timeout: timeout) { $0 != previous }
        return try settled(timeout: timeout)
    }

    /// The screen once two captures 30 ms apart agree.
    func settled(timeout: Double = 10) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try screen()
        while Date() < deadline {
            usleep(30_000)
            let next = try screen()
            if next == last { return next }
            last = next
        }
        throw HarnessError("the screen kept changing for \(timeout) s")
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [String]
    {
        try waitFor("'\(text)'", timeout: timeout, sourceLocation: sourceLocation) { lines in
            lines.contains { $0.contains(text) }
        }
    }

    /// Waits until `path` exists and returns its contents.
    func waitForFile(_ path: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") { return text }
            usleep(10_000)
        }
        throw HarnessError("timed out waiting for \(path); screen:\n\(((try? screen()) ?? []).joined(separator: "\n"))")
    }

    final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Display width of a captured line: CJK characters take two cells.
func displayWidth(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        let value = scalar.value
        let wide =
            (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value)
        return width + (wide ? 2 : 1)
    }
}

/// The display column where `needle` starts in `line`, or nil.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return displayWidth(line[..<range.lowerBound])
}
