import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor class serve` (`--open` unless told otherwise) running in the background on a loopback port the system picks (so that
/// parallel tests never collide), its output in a file, stopped when the test lets go of it.
final class ClassServerProcess {
    let pid: pid_t
    let port: Int
    let dataFolder: String
    let outputPath: String
    /// The fingerprint the server printed at start.
    let fingerprint: String
    private var stopped = false
    /// The server's exit status, once it has stopped.
    private(set) var status: Int32?

    /// Starts a server on `dataFolder` (made if missing) with `options` (who gets in, limits), and waits until it
    /// says which port it listens on.
    init(dataFolder: String, options: [String] = ["--open"]) throws {
        self.dataFolder = dataFolder
        outputPath = dataFolder + "-server-\(UUID().uuidString).log"
        let arguments =
            [
                "class", "serve", "--data", dataFolder, "--port", "0", "--listen", "127.0.0.1",
                "--lesson-folder", Curriculum.path,
            ] + options
        let environment = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "SWIFT_BACKTRACE=interactive=no,color=no"]
        let pid = try TmuxTerminal.spawn(
            try TutorProgram.path(), arguments, environment: environment, outputPath: outputPath)
        self.pid = pid
        let deadline = Date().addingTimeInterval(30)
        var output = ""
        while Date() < deadline {
            output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            if let port = Self.value(after: " port ", in: output),
                let fingerprint = Self.value(after: "Host key fingerprint: 256 ", in: output)
            {
                self.port = Int(port) ?? 0
                self.fingerprint = fingerprint
                return
            }
            if waitpid(pid, nil, WNOHANG) == pid {
                stopped = true
                throw HarnessError("the class server stopped at start:\n\(output)")
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, nil, 0)
        stopped = true
        throw HarnessError("the class server did not say its port in 30 s:\n\(output)")
    }

    deinit {
        stop()
        unlink(outputPath)
    }

    /// What the server printed and logged so far.
    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// True while the server process runs.
    var isRunning: Bool { !stopped && waitpid(pid, nil, WNOHANG) == 0 }

    /// Stops the server (SIGTERM: the class ends, every session told) and waits for it; its exit status, or nil
    /// when it was still running after 30 seconds (it is killed then).
    @discardableResult
    func stop() -> Int32? {
        guard !stopped else { return status }
        stopped = true
        kill(pid, SIGTERM)
        var raw: Int32 = 0
        let deadline = Date().addingTimeInterval(30)
        while waitpid(pid, &raw, WNOHANG) == 0 {
            guard Date() < deadline else {
                kill(pid, SIGKILL)
                waitpid(pid, nil, 0)
                return nil
            }
            usleep(20_000)
        }
        status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        return status
    }

    /// Waits until the server's log has a line containing every word of `words`.
    @discardableResult
    func waitForLog(_ words: [String], timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = output.split(separator: "\n").first(where: { line in words.allSatisfy(line.contains) }) {
                return String(line)
            }
            usleep(20_000)
        }
        throw HarnessError("no log line with \(words) in:\n\(output)")
    }

    /// The tutor process id the server logged for `student`'s latest login.
    func tutorPID(of student: String) throws -> pid_t {
        let line = try waitForLog(["event=login", "student=\(student) "])
        guard let word = line.split(separator: " ").first(where: { $0.hasPrefix("pid=") }),
            let pid = pid_t(word.dropFirst(4))
        else { throw HarnessError("no pid in \(line)") }
        return pid
    }

    /// The `ssh` command line that logs `user` in, trusting the host key on first sight and remembering it in
    /// `knownHosts` (as a student answering "yes" would).
    func sshCommand(user: String, knownHosts: String) -> String {
        "ssh -F /dev/null -p \(port) -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile=\(knownHosts) "
            + "-o LogLevel=ERROR -o BatchMode=yes -o SendEnv=LANG \(user)@127.0.0.1"
    }

    /// The `ssh` command line that logs `user` in with `password` (typed by `sshpass`, as a student types it),
    /// offering no key. Double quotes: the line may be run inside single quotes (TutorRun).
    func sshCommand(user: String, knownHosts: String, password: String) -> String {
        "sshpass -p \"\(password)\" ssh -F /dev/null -p \(port) -o StrictHostKeyChecking=accept-new "
            + "-o UserKnownHostsFile=\(knownHosts) -o LogLevel=ERROR -o NumberOfPasswordPrompts=1 "
            + "-o PreferredAuthentications=password -o PubkeyAuthentication=no \(user)@127.0.0.1"
    }

    /// The `ssh` command line that logs `user` in with the private key in `keyFile` only.
    func sshCommand(user: String, knownHosts: String, keyFile: String) -> String {
        sshCommand(user: user, knownHosts: knownHosts).replacingOccurrences(
            of: " \(user)@", with: " -o IdentitiesOnly=yes -o IdentityAgent=none -i \(keyFile) \(user)@")
    }

    /// The word after `marker` on its line in `text`.
    private static func value(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let rest = text[range.upperBound...]
        let word = rest.prefix { !$0.isWhitespace }
        return word.isEmpty || !rest.dropFirst(word.count).contains("\n") ? nil : String(word)
    }
}
