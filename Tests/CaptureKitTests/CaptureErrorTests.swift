import CaptureKit
import Foundation
import Testing

/// Bad files get one clear message saying what is wrong and where.
@Suite struct CaptureErrorTests {
    func message(_ bytes: [UInt8], name: String = "bad.pcap") -> String? {
        do {
            let reader = try CaptureReader(bytes: bytes, name: name)
            while try reader.next() != nil {}
            return nil
        } catch {
            return error.description
        }
    }

    func goodPcap(packets: Int) -> [UInt8] {
        var writer = CaptureWriter.pcap(linkType: 101)
        let syn = Packets.ipv4(Packets.tcp(sourcePort: 1, destinationPort: 2, seq: 1, ack: 0, flags: 2))
        for index in 0..<packets { writer.record(seconds: 1, fraction: UInt32(index), frame: syn) }
        return writer.bytes
    }

    @Test func emptyFile() {
        #expect(message([]) == "bad.pcap: the file is empty (0 bytes)")
    }

    @Test func wrongMagic() throws {
        let text = try #require(message([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 40)))
        #expect(text.hasPrefix("bad.pcap: byte 0: not a capture file: it starts with 7f 45 4c 46"))
    }

    @Test func truncatedFileHeader() throws {
        let text = try #require(message(Array(goodPcap(packets: 0).prefix(10))))
        #expect(text == "bad.pcap: byte 0: the pcap file header is cut short: 10 of its 24 bytes are there")
    }

    @Test func truncatedPacket() throws {
        let bytes = goodPcap(packets: 3)
        let text = try #require(message(Array(bytes.dropLast(5))))
        let third = 24 + 2 * (16 + 40)
        #expect(
            text.contains("byte \(third), packet 3: the packet is cut short: its record says 40 bytes, only 35 remain"))
        let header = try #require(message(Array(bytes.prefix(24 + 56 + 7))))
        #expect(header.contains("packet 2: the packet record header is cut short: 7 of its 16 bytes"))
    }

    @Test func absurdLength() throws {
        var bytes = goodPcap(packets: 2)
        let second = 24 + 56
        bytes.replaceSubrange((second + 8)..<(second + 12), with: [0xff, 0xff, 0xff, 0x7f])
        let text = try #require(message(bytes))
        #expect(text.contains("byte \(second), packet 2: the packet record claims 2147483647 captured bytes"))
    }

    @Test func unsupportedLinkType() throws {
        var writer = CaptureWriter.pcap(linkType: 127)
        writer.record(seconds: 0, fraction: 0, frame: [0])
        let text = try #require(message(writer.bytes))
        #expect(text.contains("link type 127 is not supported"))
    }

    @Test func pcapngDamage() throws {
        var writer = CaptureWriter()
        writer.sectionHeader()
        writer.interface(linkType: 101)
        let good = writer.bytes
        var badOrder = good
        badOrder[8] = 0x99
        #expect(try #require(message(badOrder, name: "x.pcapng")).contains("byte-order magic"))
        var badTrailer = good
        badTrailer[good.count - 1] = 0x40
        #expect(try #require(message(badTrailer, name: "x.pcapng")).contains("ends with the length"))
        var badLength = good
        badLength[4] = 13  // not a multiple of 4
        #expect(
            try #require(message(badLength, name: "x.pcapng")).contains(
                "byte 0: block type 168627466 claims a length of 13"))
        var missingInterface = CaptureWriter()
        missingInterface.sectionHeader()
        missingInterface.enhancedPacket(interface: 3, timestamp: 0, frame: [0x45])
        #expect(try #require(message(missingInterface.bytes)).contains("packet 1: the packet names interface 3"))
        #expect(try #require(message(Array(good.dropLast(3)))).contains("is cut short"))
    }

    @Test func filesThatAreNotThere() throws {
        #expect(throws: CaptureError.self) { try CaptureReader(path: "/nonexistent/capture.pcap") }
        do {
            _ = try CaptureReader(path: "/nonexistent/capture.pcap")
        } catch {
            #expect(error.description == "/nonexistent/capture.pcap: cannot open: No such file or directory")
        }
        do {
            _ = try CaptureReader(path: Fixtures.folder.path)
            Issue.record("a directory was opened as a capture")
        } catch {
            #expect(error.description.hasSuffix("is a directory, not a capture file"))
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("tcptutor-empty-\(getpid()).pcap")
        #expect(FileManager.default.createFile(atPath: empty.path, contents: Data()))
        defer { try? FileManager.default.removeItem(at: empty) }
        do {
            _ = try CaptureReader(path: empty.path)
            Issue.record("an empty file was accepted")
        } catch {
            #expect(error.description == "\(empty.path): the file is empty (0 bytes)")
        }
    }
}
