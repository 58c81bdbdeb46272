// Exists only to be published: see the project file.
System.Console.WriteLine("HoneyHive.Kiota trimming validation");
