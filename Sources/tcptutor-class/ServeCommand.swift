import ArgumentParser
import ClassServer
import CommandOptions
import Dispatch
import LessonKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tcptutor class serve`: students log in with `ssh -p PORT ID@HOST` and get the tutor, their progress kept in
/// the server's data folder.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the tutor over SSH: each student gets the lesson menu and their own progress.",
        discussion: """
            Students connect with: ssh -p PORT ID@HOST (ID is their student id: letters, digits, '.', '_', '-'). \
            The host key is made in the data folder on first start and kept; its fingerprint is printed at \
            start, for students to compare with what ssh shows them on first login. The server logs one line \
            per event (logins, refusals, exits) on standard error. SIGTERM (or Ctrl-C) ends the class: every \
            student's tutor saves and ends, each student is told, then the server exits with status 0.
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

    @Option(
        help: ArgumentHelp(
            "Let in only the students listed: lines 'id,password' or 'id,ssh-ed25519 AAAA...' (passwords are kept "
                + "hashed, in DIR/roster.csv).",
            valueName: "file"))
    var roster: String?

    @Option(
        name: .customLong("instructor-key"),
        help: ArgumentHelp(
            "The keys (OpenSSH authorized_keys) with which the user 'instructor' logs in.", valueName: "file"))
    var instructorKey: String?

    @Option(
        name: .customLong("max-sessions"),
        help: ArgumentHelp(
            "The most students connected at once; the next one is told the class is full.", valueName: "n"))
    var maxSessions: Int?

    @Option(
        name: .customLong("drain-seconds"),
        help: ArgumentHelp(
            "How long the tutors get to save when the class ends, before they are stopped.", valueName: "s"))
    var drainSeconds: Int = 10

    @Option(
        help: ArgumentHelp(
            "Every student sits this exam instead of the menu: the lessons (ids, comma-separated), the number of "
                + "questions and the minutes, as LESSONS:QUESTIONS:MINUTES. Each student's exam is derived from the "
                + "key in DIR/exam.key (made on first start) and their id; every answer is committed to "
                + "DIR/class.sqlite before the student's screen accepts it; 'tcptutor class grade' grades them.",
            valueName: "settings"))
    var exam: String?

    @Option(
        help: ArgumentHelp(
            "Teach this lesson (its id) to the whole class: the instructor (ssh instructor@..., with a key from "
                + "--instructor-key) steps through it, every student's screen follows, each student answers its "
                + "questions and the instructor sees the class's answers.",
            valueName: "lesson"))
    var follow: String?

    @OptionGroup var lessonFolder: LessonFolderOption

    func validate() throws {
        guard open != (roster != nil) else {
            throw ValidationError(
                "say who gets in, with exactly one of --open (any student id, no password) or --roster FILE")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
        if let maxSessions, maxSessions < 1 {
            throw ValidationError("--max-sessions must be at least 1, not \(maxSessions)")
        }
        if follow != nil, exam != nil {
            throw ValidationError(
                "--follow and --exam cannot be used together: a class either follows the instructor through a "
                    + "lesson or sits an exam; start one server for each")
        }
        guard drainSeconds >= 0 else { throw ValidationError("--drain-seconds cannot be negative") }
    }

    func run() throws {
        // Blocked before any thread starts (every later thread inherits the mask), so that a SIGTERM arriving at
        // any moment, even before the port is announced, waits for `endOnSignals` instead of being lost.
        var endings = Self.endingSignals
        pthread_sigmask(SIG_BLOCK, &endings, nil)
        let log = ClassLog()
        let settings: ServerSettings
        do {
            settings = try ServerSettings.make(
                data: data, rosterFile: roster, instructorKeyFile: instructorKey, lessonFolder: lessonFolder.path,
                exam: exam, follow: follow)
        } catch {
            throw ExitFailure(error.description)
        }
        if let summary = settings.rosterSummary { log.announce(summary) }
        let room = ClassRoom(maxSessions: maxSessions)
        let server: ClassServer
        do {
            server = try ClassServer(
                host: listen, port: port,
                gate: LoginGate(admission: settings.admission, instructorKeys: settings.instructorKeys, log: log),
                room: room, launch: settings.launch, hostKey: settings.hostKey, log: log)
        } catch {
            throw ExitFailure("cannot listen on \(listen) port \(port): \(error)")
        }
        let who = open ? "open: any student id, no password" : "roster: listed students only"
        log.announce("tcptutor class: serving on \(listen) port \(server.port) (\(who))")
        log.announce("Host key fingerprint: \(settings.hostKey.fingerprintLine)")
        if let exam = settings.launch.exam {
            log.announce(
                "Exam: \(exam.parameters.settingsText) for every student; answers in \(data)/class.sqlite; "
                    + "grade with: tcptutor class grade --data \(data)")
        }
        if let follow = settings.launch.follow {
            let lead = instructorKey == nil ? " (give --instructor-key to lead it)" : ""
            log.announce(
                "Follow: \(follow.lesson); the instructor leads with: ssh -p \(server.port) instructor@<this machine's "
                    + "address>\(lead); progress in \(data)/class.sqlite")
        }
        log.announce("Students connect with: ssh -p \(server.port) STUDENT-ID@<this machine's address>")
        Self.endOnSignals(server: server, seconds: drainSeconds)
        try server.wait()
    }

    /// SIGTERM and SIGINT: blocked in every thread, taken with sigwait on a thread of their own.
    static var endingSignals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }

    /// The first SIGTERM or SIGINT ends the class gently (ClassServer.drain); later ones change nothing.
    private static func endOnSignals(server: ClassServer, seconds: Int) {
        DispatchQueue.global().async {
            var set = endingSignals
            var number: Int32 = 0
            while sigwait(&set, &number) == 0 {
                server.drain(within: .seconds(seconds))
            }
        }
    }
}

/// A failure at start, printed as "Error: ..." with status 1.
struct ExitFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
