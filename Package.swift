// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TCPTutor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tcptutor", targets: ["tcptutor"]),
        .executable(name: "tcptutor-class", targets: ["tcptutor-class"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh.git", exact: "0.15.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // Pure TCP: RFC 9293 state machine, segments, sequence numbers. No Foundation.
        .target(name: "TCPCore"),
        // tcpdump and packetdrill notation: segments printed and parsed, patterns with optional fields.
        .target(name: "TCPNotation", dependencies: ["TCPCore"]),
        // Immutable timelines of frames (what lessons and captures both produce) and the words for the engine's
        // rules and errors.
        .target(name: "TimelineKit", dependencies: ["TCPCore", "TCPNotation"]),
        // Lesson scripts: parser, linter, runner producing immutable timelines.
        .target(
            name: "LessonKit",
            dependencies: [
                "TCPCore", "TCPNotation", "TimelineKit", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Capture readers (pcap, pcapng, tcpdump text) and connection inference.
        .target(name: "CaptureKit", dependencies: ["TCPCore", "TCPNotation", "TimelineKit"]),
        // A captured connection written as a lesson (`replay --to-lesson`), proven on the engine before it is given.
        .target(
            name: "CaptureLessons", dependencies: ["TCPCore", "TCPNotation", "TimelineKit", "LessonKit", "CaptureKit"]),
        // Interaction as a value: stepping, quiz grading, exams, progress.
        .target(
            name: "TutorSession",
            dependencies: [
                "TCPCore", "TCPNotation", "TimelineKit", "LessonKit",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The files the sessions ask to be written: the progress book and exam logs.
        .target(name: "TutorStorage", dependencies: ["TutorSession", "LessonKit"]),
        // Draws a session into an in-memory canvas of cells.
        .target(name: "TutorUI", dependencies: ["TutorSession", "LessonKit", "TimelineKit", "TCPNotation", "TCPCore"]),
        // The only ncurses code, through a small C target.
        .target(name: "CNCurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "TutorCurses", dependencies: ["TutorUI", "TutorSession", "CNCurses"]),
        // Timelines and capture replays as text and JSON Lines (`run`, `replay --format`), without a screen.
        .target(
            name: "TimelinePrinting",
            dependencies: [
                "TCPCore", "TCPNotation", "TimelineKit", "LessonKit", "CaptureKit", "TutorSession", "TutorUI",
            ]),
        // Timelines and captures as pictures and handouts (`export`): SVG ladder diagrams, Mermaid, Markdown.
        .target(
            name: "TimelineExport",
            dependencies: [
                "TCPCore", "TCPNotation", "TimelineKit", "LessonKit", "CaptureKit", "TutorSession", "TutorUI",
                "TimelinePrinting",
            ]),
        // The classroom over SSH (`class serve`): host key, logins, one tutor child per student in its own pty.
        // Linked into `tcptutor-class` only: swift-nio-ssh brings Foundation, which the tutor does without.
        // Opens a pseudo-terminal (posix_openpt is hidden from Swift behind X/Open feature macros).
        .target(name: "CPseudoTerminal"),
        .target(
            name: "ClassServer",
            dependencies: [
                "CPseudoTerminal", "ClassLink", "ClassStore", "TutorSession", "TutorStorage", "LessonKit",
                "TimelineKit", "TutorUI", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Command-line options both programs take, declared once so they read and are explained the same.
        .target(
            name: "CommandOptions",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // `tcptutor class ...` runs this program, found beside `tcptutor`; it starts a `tcptutor` per student.
        .executableTarget(
            name: "tcptutor-class",
            dependencies: [
                "ClassServer", "ClassStore", "TutorSession", "LessonKit", "CommandOptions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "tcptutor",
            dependencies: [
                "TCPCore", "TCPNotation", "TimelineKit", "LessonKit", "CaptureKit", "TutorSession", "TutorStorage",
                "TutorUI", "TutorCurses", "TimelinePrinting", "TimelineExport", "CaptureLessons", "TutorClassLink",
                "CommandOptions", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime linked in: the dynamic loader no longer maps and relocates a dozen Swift libraries
            // at every start, which brings the first frame under 15 ms (DECISIONS.md).
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization",
                        "-use-ld=lld",
                    ],
                    .when(platforms: [.linux])
                )
            ]
        ),
        // The framed messages between the class server and a student's tutor over one socket (no Foundation:
        // the tutor links it).
        .target(name: "ClassLink"),
        // The tutor's storage effects over the class link instead of into files, when the class server runs it.
        .target(name: "TutorClassLink", dependencies: ["ClassLink", "TimelineKit", "TutorSession", "TutorStorage"]),
        // The class server's store: students, progress books, exam sittings and answers, the event log.
        .target(
            name: "ClassStore",
            dependencies: ["TutorSession", "ClassLink", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "tcptutor-bench", dependencies: ["TCPCore", "LessonKit", "CaptureKit", "TutorSession", "TutorUI"]),
        // What the tests share (as swift-nio's NIOTestUtils): the engine harness, the package's own curriculum
        // and the one way to run the built `tcptutor`. The harness reads and writes segments in tcpdump notation.
        .target(
            name: "TCPTutorTestSupport",
            dependencies: ["TCPCore", "TCPNotation", "TimelineKit", "LessonKit", "TutorSession"],
            path: "Tests/TCPTutorTestSupport"),
        .testTarget(name: "TCPCoreTests", dependencies: ["TCPCore", "TCPNotation", "TCPTutorTestSupport"]),
        .testTarget(name: "TCPNotationTests", dependencies: ["TCPNotation", "TCPCore"]),
        .testTarget(name: "TimelineKitTests", dependencies: ["TimelineKit", "TCPCore"]),
        .testTarget(
            name: "LessonKitTests",
            dependencies: ["LessonKit", "TimelineKit", "TCPNotation", "TCPCore", "TCPTutorTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "CaptureKitTests", dependencies: ["CaptureKit", "TimelineKit", "TCPNotation", "TCPCore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "CaptureLessonsTests",
            dependencies: ["CaptureLessons", "CaptureKit", "LessonKit", "TimelineKit", "TCPNotation", "TCPCore"]),
        .testTarget(
            name: "TutorSessionTests",
            dependencies: [
                "TutorSession", "TutorStorage", "LessonKit", "TimelineKit", "TCPNotation", "TCPCore",
                "TCPTutorTestSupport",
            ]),
        .testTarget(
            name: "TutorStorageTests",
            dependencies: ["TutorStorage", "TutorSession", "LessonKit", "TCPTutorTestSupport"]),
        .testTarget(
            name: "TutorUITests",
            dependencies: [
                "TutorUI", "TutorSession", "LessonKit", "TimelineKit", "TCPNotation", "TCPTutorTestSupport",
            ],
            exclude: ["Snapshots"]
        ),
        // The full-screen runtime's parts that need no terminal (its effects).
        .testTarget(name: "TutorCursesTests", dependencies: ["TutorCurses", "TutorSession"]),
        .testTarget(
            name: "TimelinePrintingTests",
            dependencies: [
                "TimelinePrinting", "CaptureKit", "LessonKit", "TimelineKit", "TCPNotation", "TCPCore",
                "TCPTutorTestSupport",
            ],
            exclude: ["Snapshots"]),
        .testTarget(
            name: "TimelineExportTests",
            dependencies: [
                "TimelineExport", "CaptureKit", "LessonKit", "TimelineKit", "TCPNotation", "TCPCore",
                "TCPTutorTestSupport",
            ],
            exclude: ["Golden"]),
        // The built program run as a user runs it: arguments, output, exit status (no terminal).
        .testTarget(
            name: "CommandLineTests",
            dependencies: [
                "TimelinePrinting", "CaptureKit", "TutorSession", "TutorStorage", "LessonKit", "TimelineKit",
                "TCPNotation", "TCPCore", "TCPTutorTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ClassServerTests",
            dependencies: [
                "ClassServer", "ClassLink", "ClassStore", "TutorSession", "TutorStorage",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
            ]),
        .testTarget(name: "ClassLinkTests", dependencies: ["ClassLink", "TCPTutorTestSupport"]),
        .testTarget(
            name: "ClassStoreTests",
            dependencies: [
                "ClassStore", "TutorSession", "TutorStorage", "TCPTutorTestSupport", "LessonKit",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "TutorClassLinkTests",
            dependencies: [
                "TutorClassLink", "ClassLink", "ClassStore", "TutorSession", "TutorStorage", "TCPTutorTestSupport",
            ]),
        // The built program in tmux: what is drawn and typed on a real terminal.
        .testTarget(
            name: "TerminalTests",
            dependencies: ["TCPTutorTestSupport", "ClassLink", "ClassStore", "TutorSession", "TutorStorage"]),
    ],
    swiftLanguageModes: [.v6]
)
