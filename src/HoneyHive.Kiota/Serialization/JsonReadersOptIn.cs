// The library's own Kiota models (Generated/Models) get the source generator's one-pass readers.
[assembly: HoneyHive.Kiota.Serialization.GenerateKiotaJsonReaders]
