import Foundation
import TCPTutorTestSupport
import Testing

/// Who gets in: `--roster` (passwords, keys), `--instructor-key`, failed logins counted, bad files refused at
/// start. Real OpenSSH clients, passwords typed by `sshpass`.
@Suite(.serialized) struct ClassServerAccessTests {
    static func toolsAvailable() -> Bool {
        ["/usr/bin/ssh", "/usr/bin/sshpass", "/usr/bin/ssh-keygen"].allSatisfy(
            FileManager.default.isExecutableFile(atPath:))
    }

    static let missingTools = "needs ssh, ssh-keygen and sshpass (apt-get install openssh-client sshpass)"

    /// Makes an ed25519 key pair `folder/name` (and `.pub`) with ssh-keygen; returns the public line.
    static func makeKey(_ name: String, in folder: String) throws -> String {
        _ = try TmuxTerminal.run(
            "/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", folder + "/" + name])
        return try String(contentsOfFile: folder + "/" + name + ".pub", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `command` in the pane's shell, its standard error and exit status kept in files named `name`; returns
    /// (status, standard error).
    static func runInPane(_ terminal: TmuxTerminal, _ command: String, name: String) throws -> (String, String) {
        let folder = terminal.folder.path
        try terminal.type("\(command) < /dev/null 2> \(folder)/\(name)-errors; echo $? > \(folder)/\(name)-status")
        try terminal.send("Enter")
        let status = try terminal.waitForFile("\(folder)/\(name)-status", timeout: 20)
        let errors = (try? String(contentsOfFile: "\(folder)/\(name)-errors", encoding: .utf8)) ?? ""
        return (status.trimmingCharacters(in: .whitespacesAndNewlines), errors)
    }

    @Test func aRosterLetsInItsStudentsWithTheirPasswordAndNobodyElse() throws {
        try #require(Self.toolsAvailable(), "\(Self.missingTools)")
        let terminal = try TmuxTerminal()
        let folder = terminal.folder.path
        let rosterFile = folder + "/roster.txt"
        try "id,password\nAda,open sesame, really\nbob,hunter2\n".write(
            toFile: rosterFile, atomically: true, encoding: .utf8)
        let server = try ClassServerProcess(
            dataFolder: ClassServerTerminalTests.dataFolder(in: terminal), options: ["--roster", rosterFile])
        let knownHosts = folder + "/known_hosts"

        let wrong = try Self.runInPane(
            terminal, server.sshCommand(user: "ada", knownHosts: knownHosts, password: "open sesame") + " -T",
            name: "wrong")
        #expect(wrong.0 == "255" && wrong.1.contains("Permission denied"), "\(wrong)")
        try server.waitForLog(["event=login-failed", "user=ada", "method=password", "reason=\"wrong password\""])
        let unknown = try Self.runInPane(
            terminal, server.sshCommand(user: "mallory", knownHosts: knownHosts, password: "hunter2") + " -T",
            name: "unknown")
        #expect(unknown.0 == "255" && unknown.1.contains("Permission denied"), "\(unknown)")
        try server.waitForLog(["event=login-failed", "user=mallory", "reason=\"not on the roster\""])
        #expect(!server.output.contains("event=login student="), "nobody got in yet:\n\(server.output)")

        // The right password (commas and spaces are part of it), the id in any case: the tutor's menu.
        let run = try TutorRun(
            terminal, command: server.sshCommand(user: "ADA", knownHosts: knownHosts, password: "open sesame, really"))
        try terminal.waitFor("The three-way handshake", timeout: 20)
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        try server.waitForLog(["event=login", "student=ada"])

        // What the server keeps: hashes, never a password.
        let kept = try String(contentsOfFile: server.dataFolder + "/roster.csv", encoding: .utf8)
        #expect(kept.contains("ada,$pbkdf2-sha256$") && kept.contains("bob,$pbkdf2-sha256$"), "\(kept)")
        #expect(!kept.contains("open sesame") && !kept.contains("hunter2"), "\(kept)")
        let mode = try FileManager.default.attributesOfItem(atPath: server.dataFolder + "/roster.csv")[
            .posixPermissions]
        #expect((mode as? Int) == 0o600)
        #expect(server.output.contains("delete it and start with --roster \(server.dataFolder)/roster.csv"))

        // The kept file serves as a roster itself: the hashes are read back, and the same password works.
        #expect(server.stop() == 0)
        let again = try ClassServerProcess(
            dataFolder: server.dataFolder, options: ["--roster", server.dataFolder + "/roster.csv"])
        let rerun = try TutorRun(
            terminal, command: again.sshCommand(user: "bob", knownHosts: folder + "/known_hosts2", password: "hunter2"))
        try terminal.waitFor("The three-way handshake", timeout: 20)
        try terminal.send("q")
        #expect(try rerun.expectRestored() == 0)
    }

    @Test func aStudentLogsInWithTheKeyTheRosterListsAndNotWithAnother() throws {
        try #require(Self.toolsAvailable(), "\(Self.missingTools)")
        let terminal = try TmuxTerminal()
        let folder = terminal.folder.path
        let carol = try Self.makeKey("carol", in: folder)
        _ = try Self.makeKey("stranger", in: folder)
        let rosterFile = folder + "/roster.txt"
        try "carol,\(carol)\n".write(toFile: rosterFile, atomically: true, encoding: .utf8)
        let server = try ClassServerProcess(
            dataFolder: ClassServerTerminalTests.dataFolder(in: terminal), options: ["--roster", rosterFile])
        let knownHosts = folder + "/known_hosts"
        let refused = try Self.runInPane(
            terminal, server.sshCommand(user: "carol", knownHosts: knownHosts, keyFile: folder + "/stranger") + " -T",
            name: "stranger")
        #expect(refused.0 == "255" && refused.1.contains("Permission denied"), "\(refused)")
        try server.waitForLog([
            "event=login-failed", "user=carol", "method=publickey", "reason=\"key not on the roster\"",
        ])
        let run = try TutorRun(
            terminal, command: server.sshCommand(user: "carol", knownHosts: knownHosts, keyFile: folder + "/carol"))
        try terminal.waitFor("The three-way handshake")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        let kept = try String(contentsOfFile: server.dataFolder + "/roster.csv", encoding: .utf8)
        #expect(kept.contains("carol,ssh-ed25519 "), "the key is kept: \(kept)")
    }

    @Test func theInstructorGetsInOnlyWithAListedKeyAndSeesWhoIsConnected() throws {
        try #require(Self.toolsAvailable(), "\(Self.missingTools)")
        let terminal = try TmuxTerminal()
        let student = try TmuxTerminal()
        let folder = terminal.folder.path
        let listed = try Self.makeKey("teacher", in: folder)
        _ = try Self.makeKey("other", in: folder)
        try "# the course's instructors\n\(listed)\n".write(
            toFile: folder + "/instructors", atomically: true, encoding: .utf8)
        let server = try ClassServerProcess(
            dataFolder: ClassServerTerminalTests.dataFolder(in: terminal),
            options: ["--open", "--instructor-key", folder + "/instructors"])
        let knownHosts = folder + "/known_hosts"

        // --open lets any student id in without a password, but not the instructor.
        let none = try Self.runInPane(
            terminal, server.sshCommand(user: "instructor", knownHosts: knownHosts) + " -T", name: "none")
        #expect(none.0 == "255" && none.1.contains("Permission denied"), "\(none)")
        let other = try Self.runInPane(
            terminal, server.sshCommand(user: "Instructor", knownHosts: knownHosts, keyFile: folder + "/other") + " -T",
            name: "other")
        #expect(other.0 == "255" && other.1.contains("Permission denied"), "\(other)")
        try server.waitForLog(["event=login-failed", "user=instructor", "reason=\"not a key from --instructor-key\""])

        let ada = try TutorRun(student, command: server.sshCommand(user: "ada", knownHosts: knownHosts))
        try student.waitFor("The three-way handshake")
        let run = try TutorRun(
            terminal,
            command: server.sshCommand(user: "instructor", knownHosts: knownHosts, keyFile: folder + "/teacher"))
        try terminal.waitFor("1 student connected")
        try terminal.waitFor("ada in the list") { lines in
            lines.contains { $0.contains("ada") && $0.contains("since 20") && $0.contains("from 127.0.0.1:") }
        }
        // The list follows the class: Ada leaves, the instructor's screen says so within a second or two.
        try student.send("q")
        #expect(try ada.expectRestored() == 0)
        try terminal.waitFor("0 students connected")
        try terminal.send("q")
        #expect(try run.expectRestored() == 0)
        try server.waitForLog(["event=login", "instructor=instructor"])
    }

    @Test func failedLoginsAreRateLimitedPerId() throws {
        try #require(Self.toolsAvailable(), "\(Self.missingTools)")
        let terminal = try TmuxTerminal()
        let folder = terminal.folder.path
        try "dan,right-one\n".write(toFile: folder + "/roster.txt", atomically: true, encoding: .utf8)
        let server = try ClassServerProcess(
            dataFolder: ClassServerTerminalTests.dataFolder(in: terminal),
            options: ["--roster", folder + "/roster.txt"])
        let knownHosts = folder + "/known_hosts"
        for attempt in 1...5 {
            let result = try Self.runInPane(
                terminal, server.sshCommand(user: "dan", knownHosts: knownHosts, password: "guess\(attempt)") + " -T",
                name: "guess\(attempt)")
            #expect(result.0 == "255", "\(result)")
        }
        // The sixth try, with the right password, is refused without being checked, and logged.
        let blocked = try Self.runInPane(
            terminal, server.sshCommand(user: "dan", knownHosts: knownHosts, password: "right-one") + " -T",
            name: "right")
        #expect(blocked.0 == "255" && blocked.1.contains("Permission denied"), "\(blocked)")
        try server.waitForLog(["event=login-throttled", "user=dan", "from=127.0.0.1"])
        #expect(server.output.components(separatedBy: "event=login-failed").count - 1 == 5, "\(server.output)")
    }

    @Test func aRosterOrKeyFileWithAMalformedLineIsRefusedAtStartWithFileAndLine() throws {
        let folder = try TemporaryFolder.make("class-roster")
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv").path
        try "id,password\nada,pw\nno comma here\nbad id!,pw\ninstructor,pw\ncarl,ssh-ed25519 not-base64\neve,\n"
            .write(toFile: roster, atomically: true, encoding: .utf8)
        let data = folder.appendingPathComponent("data").path
        let result = try TutorProgram.run(["class", "serve", "--data", data, "--port", "0", "--roster", roster])
        #expect(result.status == 1, "\(result.text)")
        for expected in [
            "\(roster):3: expected 'id,password' or 'id,ssh-ed25519 AAAA...', found no comma",
            "\(roster):4: 'bad id!' is not a student id",
            "\(roster):5: 'instructor' is not a student id",
            "\(roster):6: the ssh-ed25519 key cannot be read",
            "\(roster):7: the password for 'eve' is empty",
        ] {
            #expect(result.errors.contains(expected), "\(expected) in:\n\(result.errors)")
        }
        #expect(!result.errors.contains("\(roster):2:"), "line 2 is right")

        let keys = folder.appendingPathComponent("keys").path
        try "ssh-rsa AAAAB3NzaC1yc2E x@y\n".write(toFile: keys, atomically: true, encoding: .utf8)
        let keyResult = try TutorProgram.run([
            "class", "serve", "--data", data, "--port", "0", "--open", "--instructor-key", keys,
        ])
        #expect(keyResult.status == 1)
        #expect(keyResult.errors.contains("\(keys):1: RSA and DSA keys are not accepted"), "\(keyResult.errors)")

        let neither = try TutorProgram.run(["class", "serve", "--data", data])
        #expect(neither.status == 64 && neither.errors.contains("exactly one of --open"), "\(neither.text)")
        let both = try TutorProgram.run(["class", "serve", "--data", data, "--open", "--roster", roster])
        #expect(both.status == 64 && both.errors.contains("exactly one of --open"), "\(both.text)")
    }
}
