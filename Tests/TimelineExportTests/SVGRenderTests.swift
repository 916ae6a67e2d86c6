import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing
import TimelineExport
import TimelineKit

/// Every lesson's diagram, in both languages, through a real renderer: librsvg's `rsvg-convert` (Debian's
/// librsvg2-bin, which CI installs) must read it and draw a PNG of the size the SVG declares.
@Suite struct SVGRenderTests {
    /// `rsvg-convert` on the `PATH`, or where Debian, /usr/local and Homebrew put it.
    static let renderer: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { $0 + "/rsvg-convert" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The width and height in a PNG's IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes[1...3] == [0x50, 0x4E, 0x47] else { return nil }
        func word(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    /// The `width` and `height` attributes of the root element.
    static func declaredSize(_ svg: String) -> (width: Int, height: Int)? {
        func attribute(_ name: String) -> Int? {
            guard let start = svg.range(of: " \(name)=\"")?.upperBound,
                let end = svg[start...].firstIndex(of: "\"")
            else { return nil }
            return Int(svg[start..<end])
        }
        return attribute("width").flatMap { width in attribute("height").map { (width, $0) } }
    }

    @Test(
        .enabled(
            if: renderer != nil,
            "rsvg-convert is not installed here (Debian: apt-get install librsvg2-bin); .ci/run installs it"),
        arguments: Curriculum.fileNames)
    func everyLessonRendersInBothLanguages(_ fileName: String) throws {
        let renderer = try #require(Self.renderer)
        let folder = try TemporaryFolder.make("export-render")
        defer { try? FileManager.default.removeItem(at: folder) }
        for language in Language.allCases {
            let svg = SVGLadder(try ExportFixtures.lesson(fileName, language: language), showsRules: true).document()
            let input = folder.appendingPathComponent("\(language).svg")
            let output = folder.appendingPathComponent("\(language).png")
            try svg.write(to: input, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: renderer)
            process.arguments = ["--format=png", "--output", output.path, input.path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(fileName) \(language): \(message)")
            #expect(message.isEmpty, "\(fileName) \(language): \(message)")
            let png = try Data(contentsOf: output)
            let size = try #require(Self.pngSize(png), "\(fileName) \(language): not a PNG")
            let declared = try #require(Self.declaredSize(svg))
            #expect(size.width == declared.width && size.height == declared.height, "\(fileName) \(language)")
        }
    }
}
