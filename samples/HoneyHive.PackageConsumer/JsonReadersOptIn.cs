// This app's own Kiota client (Generated/) gets the HoneyHive.Kiota package's compile-time JSON readers.
// Without this line the package's source generator leaves the app's Kiota models alone.
[assembly: HoneyHive.Kiota.Serialization.GenerateKiotaJsonReaders]
