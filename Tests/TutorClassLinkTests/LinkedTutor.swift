import ClassLink
import ClassStore
import Foundation
import TCPTutorTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The real `tcptutor` started as the class server starts it: one end of a socketpair as descriptor 3, named in
/// `TCPTUTOR_CLASS_LINK`, standard input a pipe the test writes to, output to a file.
struct LinkedTutor {
    let pid: pid_t
    let input: Int32
    let output: URL
    let serverEnd: Int32

    /// Starts `tcptutor arguments` with its link's other end returned in `serverEnd`.
    static func start(_ arguments: [String], home: URL) throws -> LinkedTutor {
        let (tutorEnd, serverEnd) = try SocketPair.make()
        var environment = TutorProgram.environment(home: home)
        environment["TCPTUTOR_CLASS_LINK"] = "3"
        let output = home.appendingPathComponent("output-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let outputFile = open(output.path, O_WRONLY)
        var inputPipe: [Int32] = [-1, -1]
        guard pipe(&inputPipe) == 0 else { throw TutorProgramError("pipe: \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outputFile, 1)
        posix_spawn_file_actions_adddup2(&actions, outputFile, 2)
        // dup2 clears close-on-exec: descriptor 3 is the only other one the tutor inherits.
        posix_spawn_file_actions_adddup2(&actions, tutorEnd, 3)
        let path = try TutorProgram.path()
        let argv = ([path] + arguments).map { $0.withCString { strdup($0) } } + [nil]
        let envp = environment.map { "\($0.key)=\($0.value)".withCString { strdup($0) } } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
        close(tutorEnd)
        close(outputFile)
        close(inputPipe[0])
        guard spawned == 0 else { throw TutorProgramError("posix_spawn \(path): \(spawned)") }
        return LinkedTutor(pid: pid, input: inputPipe[1], output: output, serverEnd: serverEnd)
    }

    /// Types `text` on the tutor's standard input.
    func type(_ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { write(input, $0.baseAddress, text.utf8.count) }
    }

    /// Closes standard input and waits for the tutor to end; returns what it printed.
    func finish() throws -> String {
        close(input)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return try String(contentsOf: output, encoding: .utf8)
    }

    /// Kills the tutor with SIGKILL, as a crash or a closed laptop would end it, and waits for it.
    func kill9() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(input)
    }
}
