// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TCPTutor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tcptutor", targets: ["tcptutor"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // Pure TCP: RFC 9293 state machine, segments, sequence numbers. No Foundation.
        .target(name: "TCPCore"),
        // Lesson scripts: parser, linter, runner producing immutable timelines.
        .target(
            name: "LessonKit",
            dependencies: ["TCPCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Capture readers (pcap, pcapng, tcpdump text) and connection inference.
        .target(name: "CaptureKit", dependencies: ["TCPCore", "LessonKit"]),
        // Interaction as a value: stepping, quiz grading, exams, progress.
        .target(
            name: "TutorSession",
            dependencies: ["TCPCore", "LessonKit", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The files the sessions ask to be written: the progress book and exam logs.
        .target(name: "TutorStorage", dependencies: ["TutorSession", "LessonKit"]),
        // Draws a session into an in-memory canvas of cells.
        .target(name: "TutorUI", dependencies: ["TutorSession", "LessonKit", "TCPCore"]),
        // The only ncurses code, through a small C target.
        .target(name: "CNCurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        .target(name: "TutorCurses", dependencies: ["TutorUI", "TutorSession", "CNCurses"]),
        .executableTarget(
            name: "tcptutor",
            dependencies: [
                "TCPCore", "LessonKit", "CaptureKit", "TutorSession", "TutorStorage", "TutorUI", "TutorCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
        .executableTarget(
            name: "tcptutor-bench", dependencies: ["TCPCore", "LessonKit", "CaptureKit", "TutorSession", "TutorUI"]),
        .testTarget(name: "TCPCoreTests", dependencies: ["TCPCore"]),
        .testTarget(name: "LessonKitTests", dependencies: ["LessonKit", "TCPCore"], exclude: ["Fixtures"]),
        .testTarget(name: "CaptureKitTests", dependencies: ["CaptureKit", "TCPCore"], exclude: ["Fixtures"]),
        .testTarget(name: "TutorSessionTests", dependencies: ["TutorSession", "TutorStorage", "LessonKit", "TCPCore"]),
        .testTarget(name: "TutorStorageTests", dependencies: ["TutorStorage", "TutorSession", "LessonKit"]),
        .testTarget(
            name: "TutorUITests", dependencies: ["TutorUI", "TutorSession", "LessonKit"], exclude: ["Snapshots"]
        ),
        .testTarget(name: "TerminalTests"),
    ],
    swiftLanguageModes: [.v6]
)
