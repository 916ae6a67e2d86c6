/// How the server starts one student's tutor: the program (this same binary), its arguments, and the folder
/// under which each student's progress is kept.
public struct TutorLaunch: Sendable {
    public var executable: String
    public var arguments: [String]
    /// `DIR/students`: each student's progress under `<id>/state`, given to the tutor as `XDG_STATE_HOME`.
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
        executable: String, arguments: [String], studentsFolder: String, inherited: [String: String],
        exam: ClassExam? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
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

    /// The student's folder, made if new: `DIR/students/<id>`.
    func folder(for student: StudentID) -> String { studentsFolder + "/" + student.value }

    /// The tutor's whole environment: nothing of the server's but what `inherited` names, the student's own
    /// state folder, the terminal the client asked for and the language it sent.
    func environment(for student: StudentID, term: String, clientVariables: [String: String]) -> [String: String] {
        var environment = inherited
        let home = folder(for: student)
        environment["HOME"] = home
        environment["XDG_STATE_HOME"] = home + "/state"
        environment["PATH"] = "/usr/bin:/bin"
        environment["TERM"] = term
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        for (name, value) in clientVariables where Self.acceptsVariable(name) { environment[name] = value }
        environment["TCPTUTOR_STUDENT"] = student.value
        return environment
    }
}
