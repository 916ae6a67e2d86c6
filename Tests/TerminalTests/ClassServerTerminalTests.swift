import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor class serve --open` reached with OpenSSH's own `ssh` client in a real terminal (tmux): the student's
/// tutor runs on the server, drawn through the SSH channel.
@Suite(.serialized) struct ClassServerTerminalTests {
    /// A fresh data folder for one server (and its restarts), removed with the test's terminal folder.
    static func dataFolder(in terminal: TmuxTerminal) -> String {
        terminal.folder.appendingPathComponent("class-data").path
    }

    /// Opens the handshake lesson, takes one step and goes back to the menu, which shows the step kept.
    static func takeOneStepAndLeave(_ terminal: TmuxTerminal) throws {
        try terminal.openLesson()
        try terminal.send("Right")
        try terminal.waitFor("Step 2 of")
        try terminal.send("q")
        try terminal.waitFor("at step 2 of")
    }

    /// Logs `user` in, waits for the menu and quits it: the server still serves after what went before.
    static func expectALoginThatWorks(
        _ terminal: TmuxTerminal, server: ClassServerProcess, user: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let run = try TutorRun(
            terminal, command: server.sshCommand(user: user, knownHosts: terminal.folder.path + "/known_hosts"))
        try terminal.waitFor("The three-way handshake", sourceLocation: sourceLocation)
        try terminal.send("q")
        #expect(try run.expectRestored() == 0, "a real login still works", sourceLocation: sourceLocation)
    }

    static func sshAvailable() -> Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")
    }

    @Test func aStudentReachesTheMenuStepsALessonAndLeavesWithStatusZero() throws {
        try #require(Self.sshAvailable(), "the class server tests need OpenSSH's ssh (apt-get install openssh-client)")
        let terminal = try TmuxTerminal()
        let server = try ClassServerProcess(dataFolder: Self.dataFolder(in: terminal))
        let knownHosts = terminal.folder.path + "/known_hosts"
        let run = try TutorRun(terminal, command: server.sshCommand(user: "Student1", knownHosts: knownHosts))
        try Self.takeOneStepAndLeave(terminal)
        try terminal.send("q")
        #expect(try run.expectRestored() == 0, "q in the menu ends the session with exit status 0")
        try server.waitForLog(["event=login", "student=student1", "term=tmux-256color"])
        try server.waitForLog(["event=exit", "student=student1", "status=0"])
        #expect(!server.output.contains("event=link-ended"), "a tutor that ends is no broken link:\n\(server.output)")
        // The id is case-folded, and the progress is kept in the server's store: not on the client, and in no
        // file of the student's on the server either.
        let listing = try Self.classProgress(server)
        #expect(
            Self.line(of: "student1", lesson: "three-way-handshake", in: listing)?.contains(": step 2 of ") == true,
            "the lesson's step is kept: \(listing)")
        #expect(!FileManager.default.fileExists(atPath: terminal.folder.path + "/state/tcptutor/progress.json"))
        #expect(!FileManager.default.fileExists(atPath: server.dataFolder + "/students"), "nothing under DIR/students")
    }

    @Test func aWindowChangeReachesTheTutor() throws {
        try #require(Self.sshAvailable())
        let terminal = try TmuxTerminal()
        let server = try ClassServerProcess(dataFolder: Self.dataFolder(in: terminal))
        let run = try TutorRun(
            terminal, command: server.sshCommand(user: "ada", knownHosts: terminal.folder.path + "/known_hosts"))
        try terminal.openLesson()
        try terminal.tmux(["resize-window", "-t", "0", "-x", "80", "-y", "24"])
        try terminal.waitFor("the 80x24 layout, drawn by the tutor on the server") { lines in
            lines.count >= 24 && lines[23].contains("q menu") && displayWidth(lines[2]) == 80
        }
        try terminal.tmux(["resize-window", "-t", "0", "-x", "120", "-y", "40"])
        try terminal.waitFor("the 120x40 layout") { lines in
            lines.count >= 40 && lines[39].contains("q menu") && displayWidth(lines[2]) == 120
        }
        try terminal.send("q")
        try terminal.waitFor("The three-way handshake")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
    }

    @Test func twoStudentsAtOnceEachKeepTheirOwnProgress() throws {
        try #require(Self.sshAvailable())
        let adaTerminal = try TmuxTerminal()
        let bobTerminal = try TmuxTerminal()
        let server = try ClassServerProcess(dataFolder: Self.dataFolder(in: adaTerminal))
        let knownHosts = adaTerminal.folder.path + "/known_hosts"
        let ada = try TutorRun(adaTerminal, command: server.sshCommand(user: "ada", knownHosts: knownHosts))
        let bob = try TutorRun(bobTerminal, command: server.sshCommand(user: "bob", knownHosts: knownHosts))
        try Self.takeOneStepAndLeave(adaTerminal)
        try bobTerminal.waitFor("The three-way handshake")
        #expect(!(try bobTerminal.screen().joined().contains("at step")), "Bob's menu shows none of Ada's progress")
        try adaTerminal.send("q")
        try bobTerminal.send("q")
        #expect(try ada.expectRestored() == 0)
        #expect(try bob.expectRestored() == 0)

        // Back the next day, the server restarted: Ada's step is there, Bob's menu is still fresh.
        #expect(server.stop() == 0)
        let restarted = try ClassServerProcess(dataFolder: server.dataFolder)
        let again = try TmuxTerminal()
        let adaAgain = try TutorRun(again, command: restarted.sshCommand(user: "ADA", knownHosts: knownHosts))
        try again.waitFor("at step 2 of")
        try again.send("q")
        #expect(try adaAgain.expectRestored() == 0)
        let bobAgain = try TmuxTerminal()
        let bobsRun = try TutorRun(bobAgain, command: restarted.sshCommand(user: "bob", knownHosts: knownHosts))
        try bobAgain.waitFor("The three-way handshake")
        #expect(!(try bobAgain.screen().joined().contains("at step")), "Bob's menu still shows none of Ada's progress")
        try bobAgain.send("q")
        #expect(try bobsRun.expectRestored() == 0)

        // The instructor's view after class, from the store alone: one row per student and lesson.
        let csv = try Self.classProgress(restarted, csv: true).split(separator: "\n").map(String.init)
        #expect(
            csv.first == "student,lesson,step,steps,completed,quiz_points,quiz_possible,quiz_answered,quiz_questions")
        #expect(csv.contains { $0.hasPrefix("ada,three-way-handshake,2,") && $0.hasSuffix(",no,,,,") }, "\(csv)")
        #expect(
            !csv.contains { $0.hasPrefix("bob,three-way-handshake,") && !$0.hasPrefix("bob,three-way-handshake,,") })
        #expect(!FileManager.default.fileExists(atPath: server.dataFolder + "/students"), "nothing under DIR/students")
    }

    @Test func aServerThatKeptProgressInFilesBringsEachBookIntoItsStoreAtTheFirstLogin() throws {
        try #require(Self.sshAvailable())
        let first = try TmuxTerminal()
        let data = Self.dataFolder(in: first)
        // What a server that kept progress in files did: the student's tutor, its state in DIR/students/ID/state.
        let old = try TutorRun(first, environment: ["XDG_STATE_HOME=\(data)/students/ada/state"])
        try Self.takeOneStepAndLeave(first)
        try first.send("q")
        #expect(try old.expectRestored() == 0)
        let file = data + "/students/ada/state/tcptutor/progress.json"
        let kept = try String(contentsOfFile: file, encoding: .utf8)

        let server = try ClassServerProcess(dataFolder: data)
        let knownHosts = first.folder.path + "/known_hosts"
        let login = try TmuxTerminal()
        let ada = try TutorRun(login, command: server.sshCommand(user: "ada", knownHosts: knownHosts))
        try login.waitFor("at step 2 of")
        try login.send("q")
        #expect(try ada.expectRestored() == 0)
        try server.waitForLog(["event=progress-imported", "student=ada", file])
        let listing = try Self.classProgress(server)
        #expect(
            Self.line(of: "ada", lesson: "three-way-handshake", in: listing)?.contains(": step 2 of ") == true,
            "\(listing)")

        // Once: the store's book is the one from then on, and the file is left as it was.
        #expect(server.stop() == 0)
        let restarted = try ClassServerProcess(dataFolder: data)
        let later = try TmuxTerminal()
        let adaLater = try TutorRun(later, command: restarted.sshCommand(user: "ada", knownHosts: knownHosts))
        try later.waitFor("at step 2 of")
        try later.send("q")
        #expect(try adaLater.expectRestored() == 0)
        try restarted.waitForLog(["event=exit", "student=ada"])
        #expect(!restarted.output.contains("event=progress-imported"), "\(restarted.output)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == kept)
        let written = try FileManager.default.subpathsOfDirectory(atPath: data + "/students")
        #expect(written.sorted() == ["ada", "ada/state", "ada/state/tcptutor", "ada/state/tcptutor/progress.json"])
    }

    /// `tcptutor class progress` on the server's folder, as the instructor runs it after class.
    static func classProgress(_ server: ClassServerProcess, csv: Bool = false) throws -> String {
        try TmuxTerminal.run(
            try TutorProgram.path(),
            ["class", "progress", "--data", server.dataFolder, "--lesson-folder", Curriculum.path]
                + (csv ? ["--csv"] : []))
    }

    /// The line for `lesson` under "Progress of `student`:" in `class progress`'s listing.
    static func line(of student: String, lesson: String, in listing: String) -> String? {
        let lines = listing.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(of: "Progress of \(student):") else { return nil }
        return lines[(start + 1)...].prefix { $0.hasPrefix("  ") }.first { $0.contains("(\(lesson))") }
    }

    @Test func garbageOnThePortClosesThatConnectionAndTheServerGoesOn() throws {
        try #require(Self.sshAvailable())
        let terminal = try TmuxTerminal()
        let server = try ClassServerProcess(dataFolder: Self.dataFolder(in: terminal))
        for garbage in [
            Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
            Array("SSH-2.0-probe\r\n".utf8) + (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 193 &+ 7) },
            [UInt8](repeating: 0xFF, count: 70_000),
        ] {
            try Self.sendRaw(garbage, port: server.port)
        }
        try server.waitForLog(["event=connection-error"])
        #expect(server.isRunning, "the server outlives bad connections")
        try Self.expectALoginThatWorks(terminal, server: server, user: "carol")
    }

    @Test func aUserNameThatIsNoStudentIdIsToldWhy() throws {
        try #require(Self.sshAvailable())
        let terminal = try TmuxTerminal()
        let server = try ClassServerProcess(dataFolder: Self.dataFolder(in: terminal))
        let folder = terminal.folder.path
        let ssh = server.sshCommand(user: "ada+bob", knownHosts: folder + "/known_hosts")
        try terminal.type("\(ssh) 2> \(folder)/errors; echo $? > \(folder)/ssh-status")
        try terminal.send("Enter")
        #expect(try terminal.waitForFile(folder + "/ssh-status") == "1\n")
        let errors = try String(contentsOfFile: folder + "/errors", encoding: .utf8)
        #expect(
            errors.contains("'ada+bob' is not a student id: a student id has only letters a-z, digits"), "\(errors)")
        try server.waitForLog(["event=refused", "user=ada+bob"])
    }

    @Test func aCommandOrAForwardingChannelIsRefusedAndTheServerGoesOn() throws {
        try #require(Self.sshAvailable())
        let terminal = try TmuxTerminal()
        let server = try ClassServerProcess(dataFolder: Self.dataFolder(in: terminal))
        let folder = terminal.folder.path
        let ssh = server.sshCommand(user: "frank", knownHosts: folder + "/known_hosts")
        // A command instead of a shell, then a direct-tcpip channel (ssh -W), which this server does not open.
        try terminal.type(
            "\(ssh) ls 2> \(folder)/exec-errors; echo $? > \(folder)/exec-status; "
                + "\(ssh.replacingOccurrences(of: "frank@", with: "-W 127.0.0.1:9 frank@")) 2> \(folder)/forward-errors "
                + "< /dev/null; echo $? > \(folder)/forward-status")
        try terminal.send("Enter")
        #expect(try terminal.waitForFile(folder + "/exec-status") == "1\n")
        let execErrors = try String(contentsOfFile: folder + "/exec-errors", encoding: .utf8)
        #expect(execErrors.contains("this server runs the tutor only"), "\(execErrors)")
        #expect(try terminal.waitForFile(folder + "/forward-status") != "0\n")
        try server.waitForLog(["event=refused-channel", "directTCPIP"])
        #expect(server.isRunning)
        try Self.expectALoginThatWorks(terminal, server: server, user: "frank")
    }

    @Test func aDumbTerminalGetsThePlainLinesOverSSH() throws {
        try #require(Self.sshAvailable())
        let terminal = try TmuxTerminal()
        let server = try ClassServerProcess(dataFolder: Self.dataFolder(in: terminal))
        let run = try TutorRun(
            terminal,
            command: "env TERM=dumb "
                + server.sshCommand(user: "dave", knownHosts: terminal.folder.path + "/known_hosts"))
        try terminal.waitFor("Type a lesson number")
        try terminal.type("2")
        try terminal.send("Enter")
        try terminal.waitFor("Step 1 of")
        #expect(try terminal.format("#{alternate_on}") == "0", "plain mode never switches screens")
        try terminal.send("q", "Enter")
        try terminal.send("q", "Enter")
        #expect(try run.expectRestored() == 0)
    }

    @Test func theHostKeyIsKeptAcrossRestartsAndIsWhatSshKeygenSays() throws {
        let terminal = try TmuxTerminal()
        let data = Self.dataFolder(in: terminal)
        let first = try ClassServerProcess(dataFolder: data)
        let fingerprint = first.fingerprint
        first.stop()
        #expect(fingerprint.hasPrefix("SHA256:") && fingerprint.count == 50, "OpenSSH's form: \(fingerprint)")
        let second = try ClassServerProcess(dataFolder: data)
        #expect(second.fingerprint == fingerprint, "the same key after a restart")
        let attributes = try FileManager.default.attributesOfItem(atPath: data + "/host_ed25519_key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "the private key is readable by its owner only")
        let keygen = "/usr/bin/ssh-keygen"
        try #require(FileManager.default.isExecutableFile(atPath: keygen), "needs ssh-keygen (openssh-client)")
        for file in ["host_ed25519_key.pub", "host_ed25519_key"] {
            let said = try TmuxTerminal.run(keygen, ["-lf", data + "/" + file])
            #expect(said.contains(" \(fingerprint) ") && said.contains("(ED25519)"), "\(file): \(said)")
        }
        let derived = try TmuxTerminal.run(keygen, ["-yf", data + "/host_ed25519_key"])
        let kept = try String(contentsOfFile: data + "/host_ed25519_key.pub", encoding: .utf8)
        #expect(kept.hasPrefix(derived.split(separator: " ").prefix(2).joined(separator: " ")))
        // The key presented on the wire is the stored one: ssh, told to trust only that key, logs in.
        if Self.sshAvailable() {
            let knownHosts = terminal.folder.path + "/known_hosts"
            try "[127.0.0.1]:\(second.port) \(kept)".write(toFile: knownHosts, atomically: true, encoding: .utf8)
            let strict = second.sshCommand(user: "erin", knownHosts: knownHosts).replacingOccurrences(
                of: "StrictHostKeyChecking=accept-new", with: "StrictHostKeyChecking=yes")
            let run = try TutorRun(terminal, command: strict)
            try terminal.waitFor("The three-way handshake")
            try terminal.send("q")
            #expect(try run.expectRestored() == 0)
        }
    }

    /// Connects to `port` on loopback, sends `bytes`, and closes.
    static func sendRaw(_ bytes: [UInt8], port: Int) throws {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw HarnessError("socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw HarnessError("connect to port \(port): \(errno)") }
        _ = bytes.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        usleep(100_000)
    }
}
