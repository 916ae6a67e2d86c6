import ArgumentParser

/// `--lesson-folder`: where every command that reads lessons finds them, spelled and explained the same in
/// `tcptutor` and `tcptutor-class` (whose `serve` and `grade` must read the lessons the students' tutors read).
/// Each program finds the default folder its own way, from where it is installed. (`--lessons` names lessons,
/// never a folder: `exam --lessons A,B`.)
public struct LessonFolderOption: ParsableArguments {
    @Option(
        name: .customLong("lesson-folder"),
        help: ArgumentHelp(
            "The folder of .lesson files (default: $TCPTUTOR_LESSONS, ./Lessons or the installed ones).",
            valueName: "folder"))
    public var path: String?

    public init() {}
}
