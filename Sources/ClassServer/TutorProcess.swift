import CPseudoTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One student's tutor: a child process on a pseudo-terminal of its own, as sshd runs a login shell, so that a
/// crash takes down one student and not the class, and the tutor draws on what it takes for a real terminal.
///
/// posix_spawn, not fork: the server is multi-threaded, and a forked child may only call async-signal-safe
/// functions before exec; glibc's spawn does setsid and the opens in the child for us.
final class TutorProcess: @unchecked Sendable {
    let pid: pid_t
    /// The pty's master side: what the server reads the tutor's screen from and writes the student's keys to.
    let master: Int32

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ what: String) { description = "\(what): \(String(cString: strerror(errno)))" }
    }

    /// The size a pty is given, whatever it is asked: WindowSize refuses the absurd sizes first, and this keeps
    /// the pty's 16-bit fields from ever taking one.
    static let sizeLimit = (
        columns: 1..<(WindowSize.columns.upperBound + 1), rows: 1..<(WindowSize.rows.upperBound + 1)
    )

    /// Starts `executable` on a new pty of `columns` x `rows`. `echo` false turns the pty's echo and output
    /// processing off, for a client that asked for no terminal (`ssh -T`): it sends whole lines and prints
    /// what it gets as it is.
    init(
        executable: String, arguments: [String], environment: [String: String], columns: Int, rows: Int,
        terminal: Bool, link: Int32? = nil
    ) throws(Failure) {
        var nameBuffer = [CChar](repeating: 0, count: 128)
        let master = tcptutor_open_pseudo_terminal(&nameBuffer, nameBuffer.count)
        guard master >= 0 else { throw Failure("cannot open a pseudo-terminal") }
        var ok = false
        defer { if !ok { close(master) } }
        let slavePath = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        Self.setSize(master, columns: columns, rows: rows)
        if !terminal { Self.makeLinePassThrough(master) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid and without O_NOCTTY: the pty becomes the child's controlling terminal, so that
        // it gets SIGHUP when the student goes and SIGWINCH when the window changes.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // The class link, as descriptor 3 (dup2 clears its close-on-exec; every other descriptor is closed on exec).
        if let link { posix_spawn_file_actions_adddup2(&actions, link, 3) }
        // The child starts with no signal blocked and every handler at its default, whatever the server's
        // threads block or ignore.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        sigfillset(&signals)
        posix_spawnattr_setsigdefault(&attributes, &signals)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc 2.26), not imported into Swift
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setsid))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            errno = spawned
            throw Failure("cannot start \(executable)")
        }
        self.pid = pid
        self.master = master
        ok = true
    }

    /// Tells the tutor its window changed: the kernel sends it SIGWINCH (the window-change of RFC 4254 §6.7).
    func resize(columns: Int, rows: Int) {
        Self.setSize(master, columns: columns, rows: rows)
    }

    /// Asks the tutor to end, as a terminal hanging up does.
    func hangUp() {
        kill(pid, SIGHUP)
    }

    /// Asks the tutor to save and end (the class is ending): SIGTERM, which it takes as `q`.
    func terminate() {
        kill(pid, SIGTERM)
    }

    /// Waits for the child to end (blocking: call it off the event loops) and returns its exit status as a
    /// shell reports it: the code, or 128 plus the signal that ended it.
    func waitForExit() -> Int {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return 255 }
        }
        let signal = status & 0x7F
        return signal == 0 ? Int((status >> 8) & 0xFF) : 128 + Int(signal)
    }

    static func clamp(columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        (
            min(max(columns, sizeLimit.columns.lowerBound), sizeLimit.columns.upperBound - 1),
            min(max(rows, sizeLimit.rows.lowerBound), sizeLimit.rows.upperBound - 1)
        )
    }

    private static func setSize(_ master: Int32, columns: Int, rows: Int) {
        let size = clamp(columns: columns, rows: rows)
        var window = winsize(ws_row: UInt16(size.rows), ws_col: UInt16(size.columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)
    }

    private static func makeLinePassThrough(_ master: Int32) {
        var modes = termios()
        guard tcgetattr(master, &modes) == 0 else { return }
        modes.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL)
        modes.c_oflag &= ~tcflag_t(OPOST)
        _ = tcsetattr(master, TCSANOW, &modes)
    }
}
