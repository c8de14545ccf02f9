namespace ChildInfo.SampleData.Voice;

/// <summary>The fragments <see cref="VoiceBank"/> combines, by age band and topic.</summary>
internal static class VoicePhrases
{
    public static string[] Cores(AgeBand band, string topic)
    {
        var table = band switch
        {
            AgeBand.Baby => Baby,
            AgeBand.Young => Young,
            AgeBand.Middle => Middle,
            _ => Teen,
        };
        return table.TryGetValue(topic, out var cores) ? cores : table["home"];
    }

    public static readonly string[][] Openers =
    [
        [""],
        ["", "", "", "Look! ", "Um... ", "Me! "],
        ["", "", "", "I think ", "Sometimes ", "Mostly ", "Honestly ", "Well, "],
        ["", "", "", "Honestly, ", "To be fair, ", "I guess ", "If I'm honest, ", "Thing is, ", "I suppose "],
    ];

    public static readonly string[][] Tails =
    [
        ["", " (observed during free play)", " (observed at drop-off)", " (observed at nappy change)", " (observed during a home visit)", " (observed at feeding time)"],
        ["", "", " (said while playing in the sand)", " (told key person at drop-off)", " (said during story time)", " (pointed to the picture card)", " (said quietly)", " (said while drawing)"],
        ["", "", "", " That's what I think.", " I told my mum that too.", " I wanted you to know.", " Can you write that down?", " That's all I want to say.", " I'm not sure why."],
        ["", "", "", " That's just how it is.", " I just want people to listen.", " Not sure what else to say.", " I've said this before.", " I'm just saying.", " I'd like that written down properly.", " Anyway."],
    ];

    private static readonly Dictionary<string, string[]> Baby = new()
    {
        ["school"] = ["Settles quickly with key person and explores the sensory tray.", "Watches the older children and babbles back to them.", "Cries briefly at drop-off, then settles with a cuddle.", "Turns towards key person's voice and smiles.", "Reaches for the soft blocks and mouths them happily."],
        ["home"] = ["Smiles and kicks legs when parent comes into the room.", "Babbles happily when sung to.", "Settles well after a feed and holds parent's finger.", "Looks around for parent when they leave the room.", "Enjoys bath time, splashing and laughing."],
        ["safety"] = ["Looks to parent for reassurance when a stranger comes close.", "Calms quickly when picked up by parent.", "Startles at loud noises and settles with comfort.", "Keeps eye contact with carer during play."],
        ["friends"] = ["Watches other babies and reaches out to touch them.", "Smiles at an older sibling and copies sounds.", "Laughs during peekaboo with other children nearby."],
        ["support"] = ["Responds well to a calm, familiar routine.", "Settles with the same key person each day.", "Becomes unsettled when routines change, calmer with a familiar comforter."],
        ["future"] = ["Pulling to stand and very pleased with themselves.", "Trying new sounds and looking for a reaction.", "Working hard at rolling over, laughs when successful."],
        ["health"] = ["Feeding well and gaining weight.", "Teething and a bit grizzly, settles with comfort.", "Sleeping better since the new bedtime routine.", "Rubs ears when tired."],
        ["activities"] = ["Enjoys treasure basket play.", "Loves songs with actions, bounces along.", "Fascinated by the bubbles and tries to catch them.", "Enjoys tummy time on the play mat."],
    };

    private static readonly Dictionary<string, string[]> Young = new()
    {
        ["school"] = ["I like painting.", "I love the big slide!", "Story time is my favourite.", "I don't like it when it's noisy.", "I play with the bricks.", "Snack time! I had apple.", "I want to stay at nursery.", "My teacher is nice.", "I like the water tray.", "I don't want to go in today.", "I made a tower!", "Can I go outside?"],
        ["home"] = ["Mummy is at home.", "I like my bedroom.", "Nana picks me up.", "My baby cries a lot.", "I got a new bed.", "Daddy reads me stories.", "We have a dog called Biscuit.", "I sleep with my teddy.", "My brother is loud.", "I like my house.", "We had pasta for tea.", "Mummy was sad today."],
        ["safety"] = ["I don't like the dark.", "I like it when Mummy holds my hand.", "Loud voices scare me.", "I feel safe with Nana.", "Big dogs are scary.", "I hide under the table when it's noisy.", "My key person makes me feel better.", "I don't like shouting."],
        ["friends"] = ["My friend is Amir.", "I play with Lily.", "Nobody played with me.", "I like my friends.", "We played tigers!", "He took my car.", "I share the cars.", "I want to play with Ava."],
        ["support"] = ["Help me do my coat.", "I need a cuddle.", "Can you help me?", "I like it when you sit with me.", "I can do it myself!", "I want my mummy.", "Miss helped me."],
        ["future"] = ["I'm going to big school!", "When I'm big I'm a fire fighter.", "I want to be a doctor.", "I'm going to be five.", "I want to be a dinosaur.", "I will be big like my brother."],
        ["health"] = ["My tummy hurts.", "I had my medicine.", "I'm tired.", "I fell over and it hurt.", "I brushed my teeth!", "I don't like the doctor.", "My ear hurts."],
        ["activities"] = ["I like singing.", "I did a jigsaw!", "We went to the park.", "I love dancing.", "I like playdough.", "We went swimming!", "I like the swings.", "I did sticking."],
    };

    private static readonly Dictionary<string, string[]> Middle = new()
    {
        ["school"] =
        [
            "I like school when we do art.", "Maths is hard and I get stuck.", "My teacher is kind to me.", "I don't like going in when I've been off.",
            "Playtime is the best part of the day.", "I get told off a lot and it's not always me.", "I'm good at reading now.", "I wish the work was easier.",
            "I like it when I get a sticker.", "I don't like it when the class is loud.", "Lunchtime is hard because I don't have anyone to sit with.", "I like my new school more than my old one.",
        ],
        ["home"] =
        [
            "I like it when we have tea together.", "My mum works a lot so I help with my sister.", "I share a room with my brother and he snores.", "I like going to my dad's at the weekend.",
            "It's too noisy at home when everyone argues.", "I have my own room now.", "Nan lives with us and she makes the best dinners.", "I want to see my dad more.",
            "We moved house and I miss my old street.", "I like our cat, she sleeps on my bed.", "Sometimes there's not much food in.", "Home is OK most of the time.",
        ],
        ["safety"] =
        [
            "I feel safe at home.", "I don't like walking to school on my own.", "When people shout I go to my room.", "I feel safe with my nan.",
            "I get scared at night.", "I tell my teacher if something's wrong.", "There are big kids at the park who are mean.", "I know who to talk to if I'm worried.",
            "I don't like it when mum's friend comes round.", "I feel safer since we moved.",
        ],
        ["friends"] =
        [
            "My best friend is in my class.", "I don't really have friends at school.", "I fell out with my friend but we're OK now.", "I play football with my friends at dinner.",
            "Some kids call me names.", "I made a new friend this week.", "I like my friends because they're funny.", "I wish I had more friends.",
            "My friends help me when I'm sad.", "I play online with my cousin.",
        ],
        ["support"] =
        [
            "I like it when you come to see me.", "Talking helps a bit.", "I want someone to help me with my reading.", "Mrs Khan helps me calm down.",
            "I don't want to talk about it today.", "I like having my worry box.", "I want you to tell my mum I'm doing well.", "It helps when someone explains what's happening.",
            "I don't like meetings about me.", "I like the nurture group.",
        ],
        ["future"] =
        [
            "I want to be a vet when I grow up.", "I want to play for a football team.", "I'm worried about going to secondary school.", "I want to be a YouTuber.",
            "I want to live with my mum and my brother.", "I want to be a teacher like Miss.", "I want to stay at this school.", "When I'm older I want a dog.",
            "I want to be a scientist.", "I want things to stay the same.",
        ],
        ["health"] =
        [
            "I get headaches a lot.", "I don't sleep very well.", "My asthma is better now.", "I'm scared of the dentist.",
            "I get tummy aches before school.", "I'm eating more now.", "I like PE because it makes me feel good.", "My glasses help me see the board.",
            "I get tired in the afternoon.", "I don't like taking my tablets.",
        ],
        ["activities"] =
        [
            "I go to football on Saturdays.", "I like drawing and making comics.", "I go to Beavers.", "I like playing Minecraft.",
            "I want to do dancing.", "I go swimming with my dad.", "I like baking with my nan.", "I go to the after-school club.",
            "I like riding my bike.", "I love going to the library.",
        ],
    };

    private static readonly Dictionary<string, string[]> Teen = new()
    {
        ["school"] =
        [
            "School's fine as long as I'm with my mates.", "I find it hard to concentrate in lessons.", "I don't see the point of some subjects.", "I get anxious going in after I've been off.",
            "Some teachers get me, some don't.", "I'm trying to keep my attendance up this year.", "I got excluded for something I didn't start.", "I like English because I can write what I think.",
            "The work's not the problem, it's the people.", "I'd do better with smaller classes.", "I want to get my GCSEs and get out.", "I like college more than school.",
        ],
        ["home"] =
        [
            "Things at home are better than they were.", "I look after my little brothers a lot.", "I'd rather be at my nan's.", "Me and my mum argue but we're close.",
            "I don't have anywhere quiet to do homework.", "I like my foster carers, they're alright.", "I miss living with my mum.", "I spend most of my time in my room.",
            "Money's tight so I try not to ask for stuff.", "I want more say in who I live with.", "Home feels calmer now.", "I wish people would stop moving me.",
        ],
        ["safety"] =
        [
            "I feel safe where I am now.", "I don't feel safe in town at night.", "There's people online who message me and I block them.", "I know who to go to if something happens.",
            "Some people at school make me feel unsafe.", "I'd tell my youth worker before I'd tell anyone else.", "I'm careful about who I hang around with.", "I don't want people worrying about me all the time.",
            "I feel safer since the move.", "I don't like being asked the same questions by different people.",
        ],
        ["friends"] =
        [
            "My friends are the main thing keeping me going.", "I've lost touch with my old friends since I moved.", "I don't really trust people.", "I'd rather have a few good mates than loads.",
            "There's been drama in my friendship group.", "I met most of my friends at youth club.", "My friends don't know about my situation.", "I get on better with older people.",
            "I spend a lot of time talking to friends online.", "I wish I could see my friends more.",
        ],
        ["support"] =
        [
            "I want to be told what's going on, not find out after.", "I don't want to keep repeating my story.", "My worker actually listens, which helps.", "I want help but on my terms.",
            "I'd like the same worker, not a new one every few months.", "Meetings about me without me aren't fair.", "Mentoring has helped me think before I react.", "I know people are trying to help.",
            "I don't need help with everything.", "It helps to have someone to text when things are bad.",
        ],
        ["future"] =
        [
            "I want to do an apprenticeship in mechanics.", "I want to go to uni, first in my family.", "I'm not sure what I want to do yet.", "I want my own place one day.",
            "I want to work with kids, maybe as a youth worker.", "I want to join the army.", "I'm worried about what happens when I turn 18.", "I want to get my driving licence.",
            "I'd like to be a nurse.", "I just want to be settled.",
        ],
        ["health"] =
        [
            "My anxiety's been bad lately.", "I'm sleeping better than I was.", "I've been to the doctor about my mood.", "I don't eat breakfast, I'm never hungry.",
            "Going to the gym helps my head.", "I'm on a waiting list for CAMHS.", "I get panic attacks sometimes.", "I feel a lot better than last year.",
            "I don't like talking about my health.", "I try to look after myself.",
        ],
        ["activities"] =
        [
            "I go to youth club on Tuesdays.", "I box twice a week.", "I'm into music, I make beats on my phone.", "I do a Saturday job at the café.",
            "I play football for a local team.", "I go to the gym with my mate.", "I've started doing Duke of Edinburgh.", "I like gaming with my friends.",
            "I help out at the young carers group.", "I like drawing, I want to do art at college.",
        ],
    };

    public static readonly string[][] Methods =
    [
        ["Observation", "Observation by key person", "Parent's account of the baby's cues"],
        ["Observation", "Talking with key person", "Picture cards", "Play-based conversation", "Drawing"],
        ["Conversation", "Three houses tool", "Drawing", "Wishes and feelings worksheet", "Talking mat", "Feelings cards"],
        ["Conversation", "Wishes and feelings app", "Text message", "Own words at review meeting", "Letter written by the young person", "One-to-one session", "Questionnaire"],
    ];

    public static readonly string[] EducationSettings =
        ["School: meeting with form tutor", "School: SENCO review", "School: pastoral support meeting", "School: attendance meeting", "School: pupil voice survey", "School: EHC plan annual review", "School: return from suspension meeting"];

    public static readonly string[] EarlyYearsSettings =
        ["Nursery: key person", "Pre-school: key person", "Childminder's home", "Home visit: health visitor", "Children's centre stay and play", "Health clinic: 2-year review"];

    public static readonly string[] SocialCareSettings =
        ["Home visit", "School visit", "Child protection conference", "Child in care review", "Car journey with social worker", "Contact centre", "Office: direct work session", "Placement visit"];

    public static readonly string[] VoluntarySettings =
        ["Youth club", "Young carers group", "Mentoring session", "Family support home visit", "Detached youth work", "Activity day trip"];

    public static readonly string[] OtherSettings = ["Home visit", "Office", "Telephone"];

    public static readonly string[][] Wishes =
    [
        ["Settled and content with familiar adults.", "Seeks comfort from parent; happiest with a steady routine.", "Enjoys close contact with key person."],
        ["Wants to stay at the same nursery with friends.", "Wants Mummy to pick up every day.", "Happy at home and at nursery.", "Wants more time at the park."],
        ["Wants to stay living with mum and see dad at weekends.", "Wants to stay at the same school.", "Wants people to stop arguing at home.", "Wants more help with reading.", "Wants to keep seeing nan."],
        ["Wants to be kept informed and involved in decisions.", "Wants to stay in current placement.", "Wants more contact with siblings.", "Wants to finish school and go to college.", "Wants to keep the same worker.", "Wants fewer professionals involved."],
    ];
}
