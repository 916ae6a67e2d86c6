import ClassStore

/// How the server starts one student's tutor: the program (this same binary), its arguments, and the store that
/// keeps every student's progress.
public struct TutorLaunch: Sendable {
    public var executable: String
    public var arguments: [String]
    /// `DIR/class.sqlite`: every student's progress book, whatever the class does, and the exam's answers. The
    /// tutor gets its book in the class link's hello and saves over the link; it writes nothing itself.
    public let store: any ClassStore
    /// `DIR/students`, where a server that kept progress in files kept each student's book (`<id>/state`); read
    /// once per student, at their first login, to bring that book into the store. Nothing is written there.
    public var studentsFolder: String
    /// Variables of the server's own environment handed on (where the lessons are, how a crash reports).
    public var inherited: [String: String]
    /// The class's exam, when the server sets one: every student's tutor runs it instead of the menu, its answers
    /// committed to the server's store over the class link.
    public var exam: ClassExam?
    /// The class's follow lesson, when the server sets one: the instructor's tutor leads it and every student's
    /// follows, over the class link.
    public var follow: ClassFollow?

    public init(
        executable: String, arguments: [String], store: any ClassStore, studentsFolder: String,
        inherited: [String: String], exam: ClassExam? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.store = store
        self.studentsFolder = studentsFolder
        self.inherited = inherited
        self.exam = exam
    }

    /// The tutor's arguments for `student`: the exam's, with the lesson folder, when the class sits one.
    func arguments(for student: StudentID) -> [String] {
        exam?.arguments(for: student, lessonFolder: arguments) ?? arguments
    }

    /// The variables an SSH client may set with `env` (RFC 4254 §6.4), as sshd's usual `AcceptEnv LANG LC_*`:
    /// the language, and nothing that could change what runs.
    static func acceptsVariable(_ name: String) -> Bool {
        let rest = name.dropFirst(3)
        return name == "LANG"
            || (name.hasPrefix("LC_") && !rest.isEmpty && rest.allSatisfy { $0.isUppercase || $0 == "_" })
    }

    /// Where the tutor may think its home is: no folder (Debian's home for users without one), so that a tutor
    /// that tried to write a file on the server would fail, not leave it behind. A class tutor writes nothing:
    /// its progress goes over the class link to the store.
    static let home = "/nonexistent"

    /// The tutor's whole environment: nothing of the server's but what `inherited` names, no home to write in,
    /// the terminal the client asked for and the language it sent.
    func environment(for student: StudentID, term: String, clientVariables: [String: String]) -> [String: String] {
        var environment = inherited
        environment["HOME"] = Self.home
        environment["PATH"] = "/usr/bin:/bin"
        environment["TERM"] = term
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        for (name, value) in clientVariables where Self.acceptsVariable(name) { environment[name] = value }
        environment["TCPTUTOR_STUDENT"] = student.value
        return environment
    }
}
