import ArgumentParser
import ClassServer

/// `tcptutor class`: the tutor for a whole class, served over SSH.
struct ClassCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "class",
        abstract: "Serve the tutor to a class over SSH.",
        subcommands: [ClassServeCommand.self]
    )
}

/// `tcptutor class serve`: students log in with `ssh -p PORT ID@HOST` and get the tutor, their progress kept in
/// the server's data folder.
struct ClassServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the tutor over SSH: each student gets the lesson menu and their own progress.",
        discussion: """
            Students connect with: ssh -p PORT ID@HOST (ID is their student id: letters, digits, '.', '_', '-'). \
            The host key is made in the data folder on first start and kept; its fingerprint is printed at \
            start, for students to compare with what ssh shows them on first login.
            """
    )

    @Option(help: ArgumentHelp("The server's folder: host key and every student's progress.", valueName: "dir"))
    var data: String

    @Option(help: "The TCP port to listen on (0: any free port, printed at start).")
    var port: Int = 2222

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var listen: String = "0.0.0.0"

    @Flag(help: "Let anyone in: the user name is the student id, no password is asked.")
    var open = false

    @OptionGroup var lessonFolder: LessonFolderOption

    func validate() throws {
        guard open else {
            throw ValidationError("say who gets in: --open (any student id, no password)")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
    }

    func run() throws {
        let log = ClassLog()
        let hostKey: HostKey
        let launch: TutorLaunch
        do {
            let dataFolder = try ServerPaths.folder(data, create: true)
            hostKey = try HostKey.loadOrCreate(in: dataFolder)
            launch = TutorLaunch(
                executable: try ServerPaths.ownExecutable(),
                arguments: ["--lesson-folder", try ServerPaths.folder(lessonFolder.locate(), create: false)],
                studentsFolder: dataFolder + "/students", inherited: ServerPaths.inheritedEnvironment())
        } catch let problem as ServerPaths.Problem {
            throw CommandFailure(problem.description)
        } catch let problem as HostKey.Problem {
            throw CommandFailure(problem.description)
        }
        let server: ClassServer
        do {
            server = try ClassServer(
                host: listen, port: port, admission: .open, launch: launch, hostKey: hostKey, log: log)
        } catch {
            throw CommandFailure("cannot listen on \(listen) port \(port): \(error)")
        }
        log.announce("tcptutor class: serving on \(listen) port \(server.port) (open: any student id, no password)")
        log.announce("Host key fingerprint: \(hostKey.fingerprintLine)")
        log.announce("Students connect with: ssh -p \(server.port) STUDENT-ID@<this machine's address>")
        try server.wait()
    }
}
