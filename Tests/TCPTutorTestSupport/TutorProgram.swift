import Foundation

/// The built `tcptutor`, run as a user runs it: the one way every test starts the program outside a terminal
/// (the tmux tests start `path()` from a shell).
public enum TutorProgram {
    /// What a run left: its exit status and what it wrote on each stream.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String

        /// Standard output, then standard error: for a plain session, whose prompts and refusals go to either.
        public var text: String { output + errors }
    }

    /// `$TCPTUTOR_BINARY`, or the `tcptutor` that `swift build` put beside the tests.
    public static func path() throws -> String {
        if let path = ProcessInfo.processInfo.environment["TCPTUTOR_BINARY"], !path.isEmpty { return path }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("tcptutor").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [fallback, fallback.deletingLastPathComponent()].map({
            $0.appendingPathComponent("tcptutor").path
        }) where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw TutorProgramError(
            "cannot find the tcptutor binary next to the tests; run 'swift build' or set TCPTUTOR_BINARY")
    }

    /// The environment every run starts from: the package's own lessons whatever `$TCPTUTOR_LESSONS` says, a
    /// progress folder of its own under `home` (no test touches the user's scores), a UTF-8 locale, and nothing
    /// else of the environment the tests run in.
    public static func environment(home: URL) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": home.path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path, "TCPTUTOR_LESSONS": Curriculum.path,
            "SWIFT_BACKTRACE": "enable=no",
        ]
    }

    /// Runs `tcptutor arguments` in the package's root folder with `input` on its standard input, and waits for
    /// it to end.
    ///
    /// - Parameters:
    ///   - environment: changes to `environment(home:)`; a nil value removes the variable.
    ///   - home: the folder for `HOME` and the progress file (a fresh one, removed afterwards, when nil).
    ///   - executable: another copy of the program (an installed layout), instead of `path()`.
    ///   - folder: the working folder (the package root when nil).
    public static func run(
        _ arguments: [String], input: String = "", environment changes: [String: String?] = [:], home: URL? = nil,
        executable: String? = nil, in folder: URL? = nil
    ) throws -> Result {
        let scratch = try TemporaryFolder.make("tcptutor-run")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var environment = environment(home: home ?? scratch)
        for (name, value) in changes { environment[name] = value }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable ?? path())
        process.arguments = arguments
        process.currentDirectoryURL = folder ?? Curriculum.root
        process.environment = environment
        // Files, not pipes, for what the program writes: a pipe read to its end one stream after the other
        // would stall a program that fills the other one.
        let outputFile = scratch.appendingPathComponent("stdout")
        let errorFile = scratch.appendingPathComponent("stderr")
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)
        let output = try FileHandle(forWritingTo: outputFile)
        let errors = try FileHandle(forWritingTo: errorFile)
        defer {
            try? output.close()
            try? errors.close()
        }
        process.standardOutput = output
        process.standardError = errors
        let standardInput = Pipe()
        process.standardInput = standardInput
        try start(process)
        // Small enough for the pipe's buffer: written whole, then closed so the program sees the end.
        try standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
            errors: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
    }

    /// Starts `process`. A copy of the program just written can be "busy" for a moment: a process forked by
    /// another test meanwhile holds the write descriptor until it executes its own program. Try again briefly
    /// rather than fail.
    static func start(_ process: Process) throws {
        for attempt in 1...50 {
            do {
                try process.run()
                return
            } catch let error as NSError
                where (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) && attempt < 50
            {
                usleep(20_000)
            }
        }
    }
}

/// The program could not be found or started.
public struct TutorProgramError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
