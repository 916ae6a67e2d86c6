import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tcptutor class ...`: the class server, which is the program `tcptutor-class` beside this one. It is a program
/// of its own because SSH (swift-nio-ssh) brings Foundation, and the tutor starts without it (DECISIONS.md): this
/// command only hands its arguments over, so the tutor's binary and its first frame stay as they were.
struct ClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Serve the tutor to a class over SSH (tcptutor class serve --help).",
        discussion: "Runs the program tcptutor-class, found beside tcptutor, with the same arguments."
    )

    @Argument(parsing: .captureForPassthrough, help: "serve, and its options.")
    var arguments: [String] = []

    func run() throws {
        let program = try ClassProgram.locate()
        try ClassProgram.execute(program, arguments)
    }
}

/// Finding and starting `tcptutor-class`.
enum ClassProgram {
    static let name = "tcptutor-class"

    /// `tcptutor-class` in this program's own folder (`/proc/self/exe`, whatever `argv[0]` says). In a package's
    /// build folder where it has not been built yet (`swift run tcptutor` builds only `tcptutor`), it is built
    /// first with `swift build --product tcptutor-class`, so `swift run tcptutor class serve` works in a fresh
    /// clone as `swift build` does.
    static func locate() throws(CommandFailure) -> String {
        guard let own = ownExecutable() else {
            throw CommandFailure("cannot find this program's own path (/proc/self/exe) to find \(name) beside it")
        }
        let folder = parent(of: own)
        let program = folder + "/" + name
        if access(program, X_OK) == 0 { return program }
        guard let package = PackageBuildFolder(binaryFolder: folder) else {
            throw CommandFailure(
                "\(program) is missing: tcptutor class runs the class server, the program \(name) installed beside "
                    + "tcptutor. Build it with 'swift build --product \(name)' (or 'swift build', which builds both) "
                    + "and install it next to tcptutor.")
        }
        printError(
            "tcptutor class: \(name) is not built yet; building it: \(package.buildCommand.joined(separator: " "))")
        let status = run(package.buildCommand)
        guard status == 0, access(program, X_OK) == 0 else {
            throw CommandFailure(
                "\(name) could not be built (\(package.buildCommand.joined(separator: " ")) ended with status "
                    + "\(status)); run 'swift build' in \(package.root) and try again")
        }
        return program
    }

    /// Replaces this process with `program arguments`: the server gets the terminal, the signals and the exit
    /// status as if it had been started itself.
    static func execute(_ program: String, _ arguments: [String]) throws(CommandFailure) -> Never {
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        execv(program, argv)
        throw CommandFailure("cannot start \(program): \(String(cString: strerror(errno)))")
    }

    private static func ownExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Runs `command` (looked up on `PATH`) with this process's streams and waits for it; its exit status.
    private static func run(_ command: [String]) -> Int32 {
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        // Its output goes to standard error: standard output is the server's, which scripts read.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO)
        guard posix_spawnp(&pid, command[0], &actions, nil, argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return 255 }
        }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// A binary's folder inside a Swift package's build folder (`ROOT/.build/TRIPLE/CONFIGURATION`, the folder
/// `swift build` writes), and the command that builds `tcptutor-class` there.
struct PackageBuildFolder {
    let root: String
    let scratch: String
    let configuration: String

    init?(binaryFolder: String) {
        configuration = String(binaryFolder.split(separator: "/").last ?? "")
        var folder = binaryFolder
        while folder != "/" && folder != "." {
            let name = folder.split(separator: "/").last ?? ""
            let above = ClassProgram.parent(of: folder)
            if name.hasPrefix(".build"), access(above + "/Package.swift", R_OK) == 0 {
                root = above
                scratch = folder
                guard ["debug", "release"].contains(configuration) else { return nil }
                return
            }
            folder = above
        }
        return nil
    }

    var buildCommand: [String] {
        [
            "swift", "build", "--package-path", root, "--scratch-path", scratch, "-c", configuration, "--product",
            ClassProgram.name,
        ]
    }
}
