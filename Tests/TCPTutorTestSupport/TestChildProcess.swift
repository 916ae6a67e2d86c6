import Foundation

/// This test binary run again as a child process that runs one test, told by an environment variable that it
/// is the child: how the crash tests get a real process to kill with SIGKILL. The child reports on its
/// standard output, one line at a time.
public struct TestChildProcess {
    public let process: Process
    private let output: Pipe
    private var buffer = ""

    /// Starts the test named `test` in a child with `variable` set to `value`.
    public static func start(test: String, variable: String, value: String) throws -> TestChildProcess {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", test]
        var environment = ProcessInfo.processInfo.environment
        environment[variable] = value
        environment["SWIFT_BACKTRACE"] = "enable=no"
        child.environment = environment
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        return TestChildProcess(process: child, output: output)
    }

    private init(process: Process, output: Pipe) {
        self.process = process
        self.output = output
    }

    /// The next whole line the child wrote, waiting for it; nil once the child's output has ended.
    public mutating func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: "\n") {
                let line = String(buffer[..<newline])
                buffer = String(buffer[buffer.index(after: newline)...])
                return line
            }
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { return nil }
            buffer += String(decoding: data, as: UTF8.self)
        }
    }
}
