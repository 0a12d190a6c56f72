namespace Upon.Core.Register;

/// <summary>
/// Common given and family names of diverse origins, which <see cref="DemoRegisterGenerator"/> combines at random
/// into invented directors. No correspondence with any real person is intended.
/// </summary>
public static class DemoNames
{
    /// <summary>Given names to draw invented directors' first names from.</summary>
    public static readonly IReadOnlyList<string> GivenNames =
    [
        "Aisha", "Alice", "Amara", "Andrew", "Angela", "Anika", "Anne", "Ben", "Bethan", "Bukola",
        "Callum", "Catherine", "Chidi", "Ciaran", "Claire", "Daniel", "David", "Deepa", "Dylan", "Eleanor",
        "Emeka", "Emma", "Farah", "Fiona", "Gareth", "Grace", "Hamza", "Hannah", "Helen", "Imran",
        "Isla", "James", "Jane", "Jasmin", "Joanna", "John", "Karen", "Kate", "Kofi", "Kwame",
        "Laura", "Leon", "Louise", "Lucy", "Marcus", "Maria", "Mark", "Martin", "Megan", "Mei",
        "Michael", "Nadia", "Natalie", "Neil", "Niamh", "Nkechi", "Oliver", "Paul", "Priya", "Rachel",
        "Rahul", "Ravi", "Rebecca", "Rhys", "Richard", "Ruth", "Samir", "Sarah", "Sean", "Simon",
        "Siobhan", "Steven", "Sunita", "Tom", "Tomasz", "Usha", "Victoria", "Wei", "Yasmin", "Zainab",
        "Zoe", "Agnieszka", "Eilidh", "Femi", "Gemma", "Harpreet", "Ian", "Julie", "Kamal", "Lorraine",
    ];

    /// <summary>Family names to draw invented directors' surnames from.</summary>
    public static readonly IReadOnlyList<string> FamilyNames =
    [
        "Adams", "Adeyemi", "Ahmed", "Akhtar", "Allen", "Anderson", "Asante", "Baker", "Begum", "Bell",
        "Bennett", "Bhatt", "Boateng", "Brooks", "Campbell", "Carter", "Chaudhry", "Chen", "Clarke", "Collins",
        "Cooper", "Davies", "Dixon", "Doherty", "Edwards", "Evans", "Fisher", "Fletcher", "Forbes", "Foster",
        "Fraser", "Gallagher", "Gill", "Graham", "Grant", "Green", "Hall", "Hamilton", "Harris", "Henderson",
        "Hughes", "Hussain", "Iqbal", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly",
        "Khan", "King", "Kowalski", "Lee", "Lewis", "Li", "Lloyd", "Malik", "Marshall", "Martin",
        "McDonald", "Mensah", "Mistry", "Mitchell", "Moore", "Morgan", "Murphy", "Nowak", "Nwosu", "Obi",
        "Okafor", "Okonkwo", "Osei", "Owen", "Palmer", "Parker", "Patel", "Phillips", "Popescu", "Price",
        "Quinn", "Rahman", "Reid", "Richards", "Roberts", "Robinson", "Rose", "Ryan", "Shah", "Sharma",
        "Singh", "Smith", "Stewart", "Sullivan", "Taylor", "Thomas", "Thompson", "Turner", "Walker", "Walsh",
        "Ward", "Watson", "White", "Williams", "Wilson", "Wong", "Wright", "Young", "Zhang", "Hale",
    ];
}
