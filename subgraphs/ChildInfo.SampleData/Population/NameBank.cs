namespace ChildInfo.SampleData.Population;

/// <summary>Forenames and surnames common among children in England, by naming tradition.</summary>
internal static class NameBank
{
    private sealed record Names(string[] Boys, string[] Girls, string[] Surnames);

    private static readonly string[] BritishBoys =
    [
        "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar", "Charlie", "Jacob", "Thomas", "Freddie",
        "Alfie", "Theo", "William", "Henry", "Archie", "Joshua", "James", "Isaac", "Ethan", "Max", "Lucas", "Samuel",
        "Daniel", "Alexander", "Benjamin", "Joseph", "Tommy", "Reggie", "Harrison", "Dylan", "Riley", "Mason", "Logan",
        "Jayden", "Kai", "Callum", "Liam", "Lewis", "Ryan", "Connor", "Kyle", "Tyler", "Jamie", "Ellis", "Finley", "Toby",
        "Matthew", "Edward", "Louie", "Frankie", "Ronnie", "Bobby", "Stanley", "Albie", "Ezra", "Elijah", "Nathan", "Aaron",
    ];

    private static readonly string[] BritishGirls =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie", "Sophia",
        "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily", "Ella", "Evelyn", "Phoebe", "Sofia", "Evie",
        "Charlotte", "Harper", "Millie", "Matilda", "Ruby", "Chloe", "Jessica", "Holly", "Megan", "Lauren", "Ellie",
        "Katie", "Amber", "Leah", "Paige", "Courtney", "Bethany", "Kayla", "Maisie", "Lacey", "Macie", "Summer", "Hannah",
        "Abigail", "Eleanor", "Alice", "Georgia", "Scarlett", "Lola", "Darcie", "Nevaeh", "Aria", "Layla", "Esme", "Thea",
    ];

    private static readonly string[] BritishSurnames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Patterson", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore",
        "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
        "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey",
        "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson",
        "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers", "Gray",
        "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills", "Barnes",
        "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon", "Harvey",
        "Armstrong", "Charlton", "Milburn", "Robson", "Dodds", "Forster", "Nicholson", "Hetherington", "Bainbridge",
        "Heslop", "Atkinson", "Lowes", "Tweddle", "Elliott", "Graham", "Hodgson", "Carr", "Stephenson", "Pattinson",
    ];

    private static readonly Dictionary<NameGroup, Names> Groups = new()
    {
        [NameGroup.British] = new(BritishBoys, BritishGirls, BritishSurnames),
        [NameGroup.Irish] = new(
            ["Conor", "Sean", "Cian", "Oisin", "Patrick", "Darragh", "Liam", "Rory", "Eoin", "Ciaran", "Michael", "John", "Finn", "Tadhg"],
            ["Aoife", "Siobhan", "Niamh", "Ciara", "Grainne", "Roisin", "Saoirse", "Caoimhe", "Bridget", "Mary", "Orla", "Shannon", "Kathleen"],
            ["Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Connor", "Doyle", "McDonagh", "Ward", "Connors", "O'Neill", "Quinn", "Maguire", "Delaney", "Gallagher"]),
        [NameGroup.EasternEuropean] = new(
            ["Jakub", "Kacper", "Szymon", "Filip", "Antoni", "Mateusz", "Andrei", "Luca", "Stefan", "Matas", "Lukas", "Dawid", "Ivan", "Mihai", "Tomasz", "Oskar", "Nikola"],
            ["Zuzanna", "Julia", "Maja", "Hanna", "Lena", "Oliwia", "Alicja", "Ioana", "Maria", "Elena", "Gabija", "Emilija", "Natalia", "Wiktoria", "Amelia", "Anastasia"],
            ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Popescu", "Ionescu", "Popa", "Dumitru", "Kazlauskas", "Petrauskas", "Jankauskas", "Horvath", "Novak", "Kaczmarek"]),
        [NameGroup.Roma] = new(
            ["Marius", "Florin", "Adrian", "Ionut", "Daniel", "Robert", "Sorin", "Gabriel", "Denis", "Patrik"],
            ["Alina", "Florentina", "Denisa", "Roxana", "Bianca", "Andreea", "Claudia", "Nikoleta", "Monika", "Sabina"],
            ["Lingurar", "Stoica", "Balog", "Lakatos", "Oláh", "Radu", "Varga", "Dinca", "Serban", "Duka"]),
        [NameGroup.SouthAsianMuslim] = new(
            ["Muhammad", "Mohammed", "Ibrahim", "Yusuf", "Zayn", "Ayaan", "Hamza", "Ali", "Adam", "Musa", "Ahmed", "Zakaria", "Rayyan", "Haris", "Abdullah", "Umar", "Bilal", "Rehan", "Arham", "Ismail"],
            ["Maryam", "Aisha", "Fatima", "Zainab", "Hafsa", "Safa", "Inaya", "Aleena", "Hania", "Eshal", "Amina", "Sumaya", "Anaya", "Nusaybah", "Laiba", "Tasnim", "Ruqayyah", "Sana"],
            ["Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Mahmood", "Rashid", "Begum", "Uddin", "Rahman", "Miah", "Islam", "Chowdhury", "Shah", "Malik", "Bibi", "Hassan", "Javed", "Aziz"]),
        [NameGroup.Indian] = new(
            ["Arjun", "Aarav", "Vihaan", "Krish", "Rohan", "Dev", "Ishaan", "Harjeet", "Gurpreet", "Jasvir", "Rahul", "Aryan", "Karan", "Sai", "Nikhil", "Jaskaran", "Aditya", "Veer"],
            ["Priya", "Anaya", "Aanya", "Diya", "Simran", "Navneet", "Harleen", "Kiran", "Riya", "Isha", "Jasleen", "Meera", "Saanvi", "Tara", "Nisha", "Amrit", "Pooja"],
            ["Patel", "Singh", "Kaur", "Sharma", "Gill", "Sandhu", "Mistry", "Shah", "Parmar", "Kumar", "Chauhan", "Dhillon", "Sidhu", "Joshi", "Mehta", "Bains", "Virdi", "Rai"]),
        [NameGroup.WestAfrican] = new(
            ["David", "Daniel", "Joshua", "Samuel", "Emmanuel", "Tobi", "Tobenna", "Chidi", "Kwame", "Kofi", "Ayo", "Femi", "Jayden", "Nathaniel", "Michael", "Olumide", "Kwabena", "Elijah"],
            ["Grace", "Precious", "Favour", "Blessing", "Adaeze", "Chioma", "Amara", "Abena", "Ama", "Esther", "Deborah", "Tolu", "Ife", "Zara", "Kemi", "Adwoa", "Nneka", "Miracle"],
            ["Okafor", "Adeyemi", "Oluwaseun", "Mensah", "Boateng", "Owusu", "Asante", "Okonkwo", "Nwosu", "Adebayo", "Eze", "Ogunleye", "Addo", "Appiah", "Osei", "Balogun", "Danso", "Obi"]),
        [NameGroup.Somali] = new(
            ["Abdirahman", "Mohamed", "Abdi", "Ahmed", "Yusuf", "Hassan", "Ali", "Omar", "Bashir", "Mustafe", "Liban", "Abdullahi"],
            ["Hodan", "Ayan", "Sagal", "Hamdi", "Fadumo", "Ifrah", "Sahra", "Ikran", "Hibo", "Nasra", "Deqa", "Idil"],
            ["Mohamed", "Ahmed", "Abdi", "Hassan", "Ali", "Farah", "Warsame", "Osman", "Jama", "Hirsi", "Nur", "Aden", "Egal", "Ismail"]),
        [NameGroup.Caribbean] = new(
            ["Tyrese", "Jerome", "Malachi", "Kareem", "Jaylen", "Marcus", "Andre", "Jamal", "Nathan", "Isaiah", "Reuben", "Josiah", "Kai", "Elijah"],
            ["Tiana", "Shanice", "Jada", "Kiara", "Jasmine", "Aaliyah", "Nia", "Keisha", "Imani", "Destiny", "Amaya", "Zion", "Naomi", "Chantelle"],
            ["Campbell", "Brown", "Williams", "Francis", "Grant", "Henry", "Reid", "Clarke", "Thomas", "Richards", "Morgan", "Gordon", "Bailey", "Walters", "Lewis", "Spencer"]),
        [NameGroup.Chinese] = new(
            ["Jun", "Hao", "Wei", "Yi", "Chen", "Ethan", "Ryan", "Jason", "Kevin", "Zixuan", "Haoran", "Ming"],
            ["Mei", "Xin", "Yan", "Ling", "Jia", "Chloe", "Grace", "Zoe", "Yuxi", "Ruoxi", "Hui", "Kelly"],
            ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Chan", "Wong", "Lam", "Cheung"]),
        [NameGroup.MiddleEastern] = new(
            ["Omar", "Ahmad", "Karim", "Youssef", "Mustafa", "Hussein", "Rawand", "Aram", "Hadi", "Sami", "Zakariya", "Ali", "Haider", "Mahdi"],
            ["Layla", "Noor", "Sara", "Rania", "Dilan", "Yasmin", "Hana", "Shirin", "Mariam", "Zahra", "Lana", "Rozhin", "Dunya", "Salma"],
            ["Al-Hassan", "Mahmoud", "Ibrahim", "Abdullah", "Karimi", "Ahmadi", "Rahimi", "Mohammadi", "Hussaini", "Salih", "Kareem", "Aziz", "Othman", "Hamid"]),
    };

    /// <summary>Short forms children are often known by; checked before falling back to the middle name.</summary>
    private static readonly Dictionary<string, string> Nicknames = new(StringComparer.Ordinal)
    {
        ["Alexander"] = "Alex", ["Alexandra"] = "Lexi", ["Benjamin"] = "Ben", ["Charlotte"] = "Lottie", ["Daniel"] = "Dan",
        ["Edward"] = "Eddie", ["Elizabeth"] = "Libby", ["Frederick"] = "Freddie", ["Harrison"] = "Harry", ["Isabella"] = "Bella",
        ["Jacob"] = "Jake", ["James"] = "Jim", ["Jessica"] = "Jess", ["Joseph"] = "Joe", ["Joshua"] = "Josh", ["Katie"] = "Kate",
        ["Matthew"] = "Matt", ["Nathan"] = "Nate", ["Nathaniel"] = "Nat", ["Oliver"] = "Ollie", ["Rebecca"] = "Becky",
        ["Samuel"] = "Sam", ["Sophia"] = "Sophie", ["Thomas"] = "Tom", ["William"] = "Will", ["Abigail"] = "Abbie",
        ["Eleanor"] = "Ellie", ["Florence"] = "Flo", ["Matilda"] = "Tilly", ["Muhammad"] = "Mo", ["Mohammed"] = "Mo",
        ["Mohamed"] = "Mo", ["Abdirahman"] = "Abdi", ["Abdullahi"] = "Abdi", ["Emmanuel"] = "Manny", ["Olumide"] = "Olu",
        ["Jakub"] = "Kuba", ["Aleksander"] = "Olek", ["Zuzanna"] = "Zuzia", ["Gabriel"] = "Gabi", ["Isaiah"] = "Zay",
        ["Tobenna"] = "Toby", ["Adaeze"] = "Ada", ["Zakaria"] = "Zak", ["Zakariya"] = "Zak", ["Ibrahim"] = "Ibby",
        ["Gurpreet"] = "Gary", ["Harjeet"] = "Harry", ["Ruqayyah"] = "Ruqi", ["Nusaybah"] = "Nusi", ["Anastasia"] = "Stasia",
        ["Maisie"] = "Mais", ["Georgia"] = "George", ["Evelyn"] = "Evie", ["Christopher"] = "Chris", ["Callum"] = "Cal",
    };

    public static string Forename(Random rng, NameGroup group, char sex)
    {
        var names = Groups[group];
        var list = sex == 'F' ? names.Girls : names.Boys;
        // Families of every background also choose names popular in England.
        if (group != NameGroup.British && rng.NextDouble() < 0.15)
        {
            list = sex == 'F' ? BritishGirls : BritishBoys;
        }

        return list[rng.Next(list.Length)];
    }

    public static string Surname(Random rng, NameGroup group)
    {
        var list = Groups[group].Surnames;
        return list[rng.Next(list.Length)];
    }

    /// <summary>A middle name, or null (about two in five children have none).</summary>
    public static string? MiddleName(Random rng, NameGroup group, char sex, string forename)
    {
        if (rng.NextDouble() < 0.4)
        {
            return null;
        }

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var name = Forename(rng, group, sex);
            if (name != forename)
            {
                return name;
            }
        }
        return null;
    }

    /// <summary>The name a child may be known by instead of their forename, or null when none fits.</summary>
    public static string? KnownAs(string forename, string? middleName) =>
        Nicknames.TryGetValue(forename, out var nickname) ? nickname : middleName;
}
